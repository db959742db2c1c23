#include "desk/ManualSteps.h"

#include <QRegularExpression>

namespace hardtoken {

using Screen = RegistrationFlow::Screen;

QString ManualBox::title() const
{
    return kind == Kind::Caution ? ManualSteps::tr("⚠️ ご注意") : ManualSteps::tr("✎ メモ");
}

QStringList ManualStep::highlights() const
{
    QStringList names;
    for (const ManualAct& act : acts)
        names.append(act.widget);
    return names;
}

namespace {

ManualAct click(const QString& widget)
{
    return { ManualAct::Kind::Click, widget };
}

ManualAct type(const QString& widget, ManualInput input)
{
    return { ManualAct::Kind::Type, widget, input };
}

} // namespace

QString ManualSteps::chapterTitle()
{
    return tr("9. カード型ハードトークンの利用形態の設定・登録");
}

QString ManualSteps::edition()
{
    return tr("2023年9月版");
}

QList<ManualSection> ManualSteps::sections()
{
    const QString toUsers
        = tr("[契約法人ステータス]画面で、[契約法人管理情報変更]-[利用者情報登録/変更]リンクをクリックします。");
    const QString pressRegister = tr("[利用者情報選択]画面で、**利用登録** ボタンを押します。");
    const ManualBox tokenCautions { ManualBox::Kind::Caution,
        { tr("ワンタイムパスワードの表示は、一定の時間が経過すると自動的に消えます。この場合は、ワンタイムパスワードを"
             "再発行してください。"),
            tr("シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると、本システムは利用中止状態になりま"
               "す。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。") } };
    const QString pressCardButton
        = tr("カード型ハードトークンの利用登録用ワンタイムパスワードを発行するボタンを押してください。");
    const QList<ManualFigure> cards {
        { QStringLiteral("card-back"), tr("カード型ハードトークン（裏）：シリアル番号の位置") },
        { QStringLiteral("card-front"),
            tr("カード型ハードトークン（表）：利用登録用ワンタイムパスワードを発行するボタンの位置") },
    };
    const QString manualScenario = QStringLiteral(":/scenarios/manual-ch9.json");
    const QList<ManualAct> pinAndOk { type(QStringLiteral("pinEdit"), ManualInput::Pin),
        click(QStringLiteral("okButton")) };
    const QList<ManualAct> serialOtpNext { type(QStringLiteral("serialEdit"), ManualInput::Serial),
        type(QStringLiteral("otpEdit"), ManualInput::Otp), click(QStringLiteral("nextButton")) };
    const QList<ManualAct> openUsers { click(QStringLiteral("menuLink")) };
    const QList<ManualAct> pressRegisterButton { click(QStringLiteral("registerButton")) };

    QList<ManualSection> out;

    ManualSection mode;
    mode.id = QStringLiteral("9.1");
    mode.title = tr("9.1 カード型ハードトークンの利用形態を設定する");
    mode.intro = { tr("カード型ハードトークンの利用形態を管理者が設定または変更する手順について、説明します。利用"
                      "形態は次のどちらかを選択します。") };
    mode.choices = { tr("全ての利用者が同じトークンを利用する（利用者間で同一のトークンを共有する）"),
        tr("全ての利用者が異なるトークンを利用する（利用者が個々にトークンを所有する）") };
    mode.boxes = { { ManualBox::Kind::Caution,
        { tr("利用者を数名ずつのグループに分けて、グループ内で同じトークンを共有するという利用形態はありません。"),
            tr("利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。") } } };
    mode.scenario = manualScenario;
    mode.steps = {
        { QStringLiteral("9.1-1"), mode.id, 1, Screen::CorporateStatus, toUsers, openUsers },
        { QStringLiteral("9.1-2"), mode.id, 2, Screen::UserInfoSelection,
            tr("[利用者情報選択]画面で、**変更** ボタンを押します。"), { click(QStringLiteral("changeModeButton")) } },
        { QStringLiteral("9.1-3"), mode.id, 3, Screen::UsageModeConfirm,
            tr("[カード型ハードトークン利用形態設定確認]画面で、カード型ハードトークンの利用形態を選択して、契約法人確"
               "認暗証番号を入力したあと、**OK** ボタンを押します。利用形態の設定が完了して、[利用者情報選択]画面に戻"
               "ります。"),
            { { ManualAct::Kind::Check, modeRadio(UsageMode::Individual), ManualInput::Mode },
                type(QStringLiteral("pinEdit"), ManualInput::Pin), click(QStringLiteral("okButton")) } },
    };
    out.append(mode);

    ManualSection registration;
    registration.id = QStringLiteral("9.2");
    registration.title = tr("9.2 カード型ハードトークンの利用登録をする");
    registration.intro = { tr("管理者がカード型ハードトークンの利用登録をする手順について、説明します。"),
        tr("利用登録とは、カード型ハードトークンのシリアル番号と利用者を紐付けてシステムに登録することです。利用登"
           "録の手順は、カード型ハードトークンの利用形態によって異なります。") };
    out.append(registration);

    ManualSection shared;
    shared.id = QStringLiteral("9.2.1");
    shared.level = 3;
    shared.title = tr("9.2.1 全ての利用者が同じトークンを利用する場合");
    shared.intro = { tr("全ての利用者が同じカード型ハードトークンを利用する場合の利用登録をする手順および登録済みの情報"
                        "を変更する手順について、説明します。") };
    shared.scenario = QStringLiteral(":/scenarios/shared-mode.json");
    ManualStep sharedInput { QStringLiteral("9.2.1-3"), shared.id, 3, Screen::SharedRegistrationInput,
        tr("[カード型ハードトークン利用登録入力]画面で、利用登録するカード型ハードトークンのシリアル番号およびワンタ"
           "イムパスワードを入力したあと、**次へ** ボタンを押します。"),
        serialOtpNext };
    sharedInput.figuresBefore = cards;
    sharedInput.boxes = { tokenCautions, { ManualBox::Kind::Memo, { pressCardButton } } };
    shared.steps = {
        { QStringLiteral("9.2.1-1"), shared.id, 1, Screen::CorporateStatus, toUsers, openUsers },
        { QStringLiteral("9.2.1-2"), shared.id, 2, Screen::UserInfoSelection, pressRegister, pressRegisterButton },
        sharedInput,
        { QStringLiteral("9.2.1-4"), shared.id, 4, Screen::SharedRegistrationConfirm,
            tr("[カード型ハードトークン利用登録確認]画面で、契約法人確認暗証番号を入力して、**OK** ボタンを押すと、カ"
               "ード型ハードトークンの利用登録は完了です。利用登録の完了後、[利用者情報選択]画面に戻ります。"),
            pinAndOk },
    };
    out.append(shared);

    ManualSection individual;
    individual.id = QStringLiteral("9.2.2");
    individual.level = 3;
    individual.title = tr("9.2.2 全ての利用者が異なるトークンを利用する場合");
    individual.intro = { tr("管理者が全ての利用者が異なるカード型ハードトークンを利用する場合の利用登録をする手順および"
                            "登録済みの情報を変更する手順について、説明します。") };
    individual.scenario = manualScenario;
    ManualStep individualInput { QStringLiteral("9.2.2-3"), individual.id, 3, Screen::IndividualRegistrationInput,
        tr("[カード型ハードトークン利用登録入力]画面で、カード型ハードトークンを使用する利用者を選択します。利用登録の"
           "対象となるカード型ハードトークンのシリアル番号およびワンタイムパスワードを入力したあと、**次へ** ボタンを"
           "押します。"),
        QList<ManualAct> { { ManualAct::Kind::Choose, QStringLiteral("userTable"), ManualInput::User } }
            + serialOtpNext };
    individualInput.figuresAfter = cards;
    individualInput.boxes = { tokenCautions,
        { ManualBox::Kind::Memo,
            { pressCardButton,
                tr("[入力完了]ボタンは、[次へ]ボタンを押したあとに表示される[カード型ハードトークン利用登録確認]画面で"
                   "[追加]ボタンを押して、[カード型ハードトークン利用登録入力]画面に戻った場合に表示されます。[カード型"
                   "ハードトークン利用登録入力]画面に戻ったあとに、利用登録情報を追加または変更しないで次の画面へ進む場"
                   "合は、[入力完了]ボタンを押します。") } } };
    ManualStep individualConfirm { QStringLiteral("9.2.2-4"), individual.id, 4, Screen::IndividualRegistrationConfirm,
        tr("[カード型ハードトークン利用登録確認]画面で、契約法人確認暗証番号を入力して、**OK** ボタンを押すと、カード"
           "型ハードトークンの利用登録は完了です。利用登録情報の一覧の情報が反映されて、[利用者情報選択]画面に戻りま"
           "す。"),
        pinAndOk };
    // ① beside 追加 and ② beside the upper 削除 are on the screen itself; the lower 削除 is the same ②.
    individualConfirm.callouts = { { QStringLiteral("removeButtonBottom"), QStringLiteral("②") } };
    individualConfirm.notes = {
        { tr("● 利用登録情報を追加・変更する場合"),
            tr("① **追加** ボタンを押します。[カード型ハードトークン利用登録入力]画面に戻って、利用登録情報を入力してく"
               "ださい。") },
        { tr("● 利用登録情報を削除する場合"), tr("対象の情報を選択して、② **削除** ボタンを押します。") },
    };
    individualConfirm.another = { click(QStringLiteral("addButton")) };
    individualConfirm.boxes = { { ManualBox::Kind::Memo,
        { tr("利用登録情報の一覧の上下にある同じ名称のボタンは、どちらを押しても同じ画面に遷移します。") } } };
    individual.steps = {
        { QStringLiteral("9.2.2-1"), individual.id, 1, Screen::CorporateStatus, toUsers, openUsers },
        { QStringLiteral("9.2.2-2"), individual.id, 2, Screen::UserInfoSelection, pressRegister, pressRegisterButton },
        individualInput,
        individualConfirm,
    };
    out.append(individual);
    return out;
}

QList<ManualStep> ManualSteps::steps()
{
    QList<ManualStep> all;
    for (const ManualSection& s : sections())
        all += s.steps;
    return all;
}

ManualStep ManualSteps::step(const QString& id)
{
    for (const ManualStep& s : steps()) {
        if (s.id == id)
            return s;
    }
    return {};
}

QString ManualSteps::toHtml(const QString& text)
{
    // **…** → <b>…</b>; everything else escaped.
    QString html;
    const QStringList parts = text.split(QStringLiteral("**"));
    for (int i = 0; i < parts.size(); ++i) {
        const QString escaped = parts[i].toHtmlEscaped();
        html += i % 2 == 1 ? QStringLiteral("<b>%1</b>").arg(escaped) : escaped;
    }
    return html;
}

QString ManualSteps::modeRadio(UsageMode mode)
{
    return mode == UsageMode::Shared ? QStringLiteral("sharedRadio") : QStringLiteral("individualRadio");
}

QString ManualSteps::plain(const QString& text)
{
    return QString(text).remove(QStringLiteral("**"));
}

} // namespace hardtoken
