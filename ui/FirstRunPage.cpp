#include "FirstRunPage.h"

#include "store/CorporationTable.h"
#include "store/StaffTable.h"
#include "store/Store.h"
#include "store/TokenTable.h"
#include "ui_FirstRunPage.h"

#include <QDir>

namespace hardtoken {

FirstRunPage::FirstRunPage(const Store& store, QWidget* parent)
    : ManualPage(parent)
    , m_ui(std::make_unique<Ui::FirstRunPage>())
    , m_store(store)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->refreshButton, nullptr);
    // Long commands wrap inside the window instead of widening the page past it.
    m_ui->stepsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &FirstRunPage::check);
    showSteps();
}

FirstRunPage::~FirstRunPage() = default;

void FirstRunPage::enter()
{
    clearMessages();
    showSteps();
    m_ui->refreshButton->setFocus();
}

bool FirstRunPage::ready() const
{
    return CorporationTable::countUpTo(m_store, 1) > 0 && StaffTable::count(m_store) > 0;
}

void FirstRunPage::check()
{
    showSteps();
    if (ready()) {
        Q_EMIT readyToStart();
        return;
    }
    if (StaffTable::count(m_store) == 0) {
        showMessage([] {
            return tr("まだ管理者が登録されていません。最初の管理者を登録してから、もう一度確認してください。");
        });
        return;
    }
    showMessage(
        [] { return tr("まだ契約法人が登録されていません。名簿を取り込んでから、もう一度確認してください。"); });
}

void FirstRunPage::showSteps()
{
    const QString db = QDir::toNativeSeparators(m_store.path()).toHtmlEscaped();
    const bool staff = StaffTable::count(m_store) > 0;
    const bool corporations = CorporationTable::countUpTo(m_store, 1) > 0;
    const bool tokens = TokenTable::any(m_store);
    const auto step = [](int n, bool done, const QString& what, const QString& command) {
        return QStringLiteral("<p style=\"margin-top: 12px\"><b>%1. %2</b> %3<br><code>%4</code></p>")
            .arg(n)
            .arg(what.toHtmlEscaped(), done ? tr("（済み）") : tr("（未実施）"), command.toHtmlEscaped());
    };
    QString html;
    html += step(1, staff, tr("最初の管理者を登録する（パスワードを 2 回入力）"),
        QStringLiteral("hardtoken-cli --database \"%1\" init --staff LOGIN --name NAME").arg(m_store.path()));
    html += step(2, corporations, tr("銀行の名簿（契約法人と利用者、CSV）を取り込む（管理 > 名簿の取り込み、または）"),
        QStringLiteral("hardtoken-cli --database \"%1\" import roster ROSTER.csv --staff LOGIN").arg(m_store.path()));
    html += step(3, tokens, tr("ベンダーのトークン（PSKC または CSV）を取り込む（管理 > トークンの取り込み、または）"),
        QStringLiteral("hardtoken-cli --database \"%1\" import tokens TOKENS.pskcxml --staff LOGIN "
                       "[--pskc-key KEY.hex | --passphrase-file PASS.txt]")
            .arg(m_store.path()));
    html += QStringLiteral("<p>%1</p>").arg(tr("データベース: %1").arg(db));
    m_ui->stepsLabel->setText(html);
}

void FirstRunPage::retranslate()
{
    m_ui->retranslateUi(this);
    showSteps();
}

} // namespace hardtoken
