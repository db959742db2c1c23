#include "CorporationSelectionPage.h"

#include "store/Store.h"

#include "tables/CorporationSearchModel.h"
#include "ui_CorporationSelectionPage.h"

#include "Accessibility.h"
#include <QHeaderView>
#include <QKeyEvent>

namespace hardtoken {

CorporationSelectionPage::CorporationSelectionPage(const Store& store, QWidget* parent)
    : ManualPage(parent)
    , m_ui(std::make_unique<Ui::CorporationSelectionPage>())
    , m_model(new CorporationSearchModel(store, this))
{
    m_ui->setupUi(this);
    nameClearButton(m_ui->searchField);
    initPage(m_ui->pageHeader, m_ui->openButton, nullptr);
    QTableView* table = m_ui->corporationTable;
    table->setModel(m_model);
    table->verticalHeader()->hide();
    // One page of at most 100 rows: measuring them is cheap.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(CorporationSearchModel::NameColumn, QHeaderView::Stretch);
    table->horizontalHeader()->setHighlightSections(false);
    // Search as you type: one indexed query per keystroke (see the benchmark "corporations").
    connect(m_ui->searchField, &QLineEdit::textChanged, this, &CorporationSelectionPage::search);
    connect(m_ui->openButton, &QPushButton::clicked, this, &CorporationSelectionPage::choose);
    connect(table, &QTableView::activated, this, &CorporationSelectionPage::choose);
    // Down from the field goes to the list; Enter in the list chooses (see eventFilter).
    m_ui->searchField->installEventFilter(this);
    table->installEventFilter(this);
}

CorporationSelectionPage::~CorporationSelectionPage() = default;

void CorporationSelectionPage::enter()
{
    clearMessages();
    search();
    m_ui->searchField->setFocus();
    m_ui->searchField->selectAll();
}

void CorporationSelectionPage::search()
{
    if (!m_model->search(m_ui->searchField->text())) {
        showMessage(&Store::unreachableMessage);
        return;
    }
    if (m_model->rowCount() > 0)
        m_ui->corporationTable->selectRow(0);
    showCount();
}

void CorporationSelectionPage::showCount()
{
    const int rows = m_model->rowCount();
    QString text;
    if (rows == 0)
        text = m_model->text().isEmpty() ? tr("契約法人が登録されていません。")
                                         : tr("「%1」に当てはまる契約法人はありません。").arg(m_model->text());
    else if (m_model->hasMore())
        text = tr("%1 件を表示しています。ほかにも当てはまる契約法人があります。絞り込んでください。").arg(rows);
    else
        text = tr("%1 件").arg(rows);
    m_ui->resultLabel->setText(text);
    m_ui->openButton->setEnabled(rows > 0);
}

void CorporationSelectionPage::choose()
{
    const QModelIndex current = m_ui->corporationTable->currentIndex();
    const int row = current.isValid() ? current.row() : (m_model->rowCount() == 1 ? 0 : -1);
    if (row < 0) {
        showMessage([] { return tr("契約法人を選択してください。"); });
        return;
    }
    Q_EMIT corporationChosen(m_model->codeAt(row));
}

bool CorporationSelectionPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_ui->searchField && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_ui->corporationTable->setFocus();
            if (!m_ui->corporationTable->currentIndex().isValid())
                m_ui->corporationTable->selectRow(0);
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            choose();
            return true;
        }
    }
    return ManualPage::eventFilter(watched, event);
}

void CorporationSelectionPage::retranslate()
{
    m_ui->retranslateUi(this);
    nameClearButton(m_ui->searchField);
    m_model->retranslate();
    showCount();
}

} // namespace hardtoken
