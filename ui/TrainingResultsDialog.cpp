#include "TrainingResultsDialog.h"

#include "TrainingCertificate.h"
#include "tables/TrainingResultsModel.h"
#include "ui_TrainingResultsDialog.h"

#include "training/TrainingReport.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QStandardPaths>

namespace hardtoken {

namespace {
QString documents()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}
} // namespace

TrainingResultsDialog::TrainingResultsDialog(const Store& store, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TrainingResultsDialog>())
    , m_model(new TrainingResultsModel(store, this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("trainingResultsDialog"));
    m_model->reload();
    m_ui->resultsTable->setModel(m_model);
    m_ui->resultsTable->verticalHeader()->hide();
    m_ui->resultsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->resultsTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->resultsTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // newest first
    if (m_model->rowCount() > 0)
        m_ui->resultsTable->selectRow(0);
    connect(m_ui->resultsTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &TrainingResultsDialog::updateButtons);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->certificateButton, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_ui->resultsTable->selectionModel()->selectedRows();
        const TrainingResult* r = rows.isEmpty() ? nullptr : m_model->resultAt(rows.first().row());
        if (!r)
            return;
        const QString path = QFileDialog::getSaveFileName(this,
            m_ui->certificateButton->text().remove(QLatin1Char('&')),
            QDir(documents()).filePath(TrainingCertificate::fileName(*r, QStringLiteral("pdf"))), tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty())
            m_ui->statusLabel->setText(saveCertificate(rows.first().row(), path, &error)
                    ? tr("%1 に保存しました。").arg(QDir::toNativeSeparators(path))
                    : error);
    });
    connect(m_ui->csvButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, m_ui->csvButton->text().remove(QLatin1Char('&')),
            QDir(documents()).filePath(QStringLiteral("training-results.csv")), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty())
            m_ui->statusLabel->setText(
                saveCsv(path, &error) ? tr("%1 に保存しました。").arg(QDir::toNativeSeparators(path)) : error);
    });
    m_ui->statusLabel->setText(m_model->rowCount() == 0 ? tr("まだ結果はありません。") : QString());
    updateButtons();
    resize(960, 480);
}

TrainingResultsDialog::~TrainingResultsDialog() = default;

void TrainingResultsDialog::updateButtons()
{
    m_ui->certificateButton->setEnabled(m_ui->resultsTable->selectionModel()->hasSelection());
    m_ui->csvButton->setEnabled(m_model->rowCount() > 0);
}

bool TrainingResultsDialog::saveCertificate(int row, const QString& path, QString* error) const
{
    const TrainingResult* r = m_model->resultAt(row);
    return r && TrainingCertificate::write(*r, path, error);
}

bool TrainingResultsDialog::saveCsv(const QString& path, QString* error) const
{
    return TrainingReport::writeCsv(m_model->results(), path, error);
}

void TrainingResultsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_model->retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace hardtoken
