#include "ManualExport.h"

#include "Language.h"
#include "ScreenshotTour.h"

#include <QDir>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace hardtoken {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString image(const QString& dir, const QString& lang, const QString& id, const QString& alt)
{
    // Screens at the page's width; the card pictures at about a card's size.
    const int width = id.startsWith(QLatin1String("card-")) ? 280 : 560;
    return QStringLiteral("<p class=\"shot\"><img src=\"%1/%2-%3.png\" width=\"%4\" alt=\"%5\"/></p>\n")
        .arg(dir, lang, id)
        .arg(width)
        .arg(esc(alt));
}

QString box(const QString& title, const QStringList& lines, const QString& cls)
{
    QString html = QStringLiteral("<table class=\"%1\" width=\"100%\" cellpadding=\"6\"><tr><td><b>%2</b><ul>")
                       .arg(cls, esc(title));
    for (const QString& l : lines)
        html += QStringLiteral("<li>%1</li>").arg(esc(l));
    return html + QStringLiteral("</ul></td></tr></table>\n");
}

QString step(int n, const QString& text)
{
    return QStringLiteral("<p class=\"step\"><b>%1.</b> %2</p>\n").arg(n).arg(esc(text));
}

} // namespace

QString ManualExport::chapterHtml(const QString& dir)
{
    const QString lang = tr("ja", "the language code of this translation");
    const QString caution = tr("⚠️ ご注意");
    const QStringList tokenCautions {
        tr("ワンタイムパスワードの表示は、一定の時間が経過すると自動的に消えます。この場合は、ワンタイムパスワードを再"
           "発行してください。"),
        tr("シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると、本システムは利用中止状態になります。"
           "利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。"),
    };
    const QString memoTitle = tr("✎ メモ");
    const QString pressButton
        = tr("カード型ハードトークンの利用登録用ワンタイムパスワードを発行するボタンを押してください。");
    const QString step1
        = tr("[契約法人ステータス]画面で、[契約法人管理情報変更]-[利用者情報登録/変更]リンクをクリックします。");
    QString h;
    h += QStringLiteral("<html><head><meta charset=\"utf-8\"/><title>%1</title><style>"
                        "body { font-family: 'IPAexGothic', 'Yu Gothic UI', 'Meiryo', sans-serif; }"
                        "h1 { color: #1f3a5f; } h2 { border-left: 6px solid #1f3a5f; padding-left: 8px; }"
                        "table.caution { background: #fff8e6; border: 1px solid #e0b84c; }"
                        "table.memo { background: #f3f6fb; border: 1px solid #b7c5d8; }"
                        "p.shot img { border: 1px solid #a9b6c6; }"
                        "</style></head><body>\n")
             .arg(esc(tr("9. カード型ハードトークンの利用形態の設定・登録")));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("9. カード型ハードトークンの利用形態の設定・登録")));

    h += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("9.1 カード型ハードトークンの利用形態を設定する")));
    h += QStringLiteral("<p>%1</p>\n")
             .arg(esc(tr("カード型ハードトークンの利用形態を管理者が設定または変更する手順について、説明します。利用形"
                         "態は次のどちらかを選択します。")));
    h += QStringLiteral("<ul><li>%1</li><li>%2</li></ul>\n")
             .arg(esc(tr("全ての利用者が同じトークンを利用する（利用者間で同一のトークンを共有する）")),
                 esc(tr("全ての利用者が異なるトークンを利用する（利用者が個々にトークンを所有する）")));
    h += box(caution,
        { tr("利用者を数名ずつのグループに分けて、グループ内で同じトークンを共有するという利用形態はありません。"),
            tr("利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。") },
        QStringLiteral("caution"));
    h += step(1, step1) + image(dir, lang, QStringLiteral("9.1-1"), step1);
    h += step(2, tr("[利用者情報選択]画面で、変更 ボタンを押します。"))
        + image(dir, lang, QStringLiteral("9.1-2"), QString());
    h += step(3,
             tr("[カード型ハードトークン利用形態設定確認]"
                "画面で、カード型ハードトークンの利用形態を選択して、契約法人確認暗証番号を入力したあと、OK "
                "ボタンを押します。利用形態の設定が完了して、[利用者情報選択]画面に戻ります。"))
        + image(dir, lang, QStringLiteral("9.1-3"), QString());

    h += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("9.2 カード型ハードトークンの利用登録をする")));
    h += QStringLiteral("<p>%1</p>\n")
             .arg(esc(tr("利用登録とは、カード型ハードトークンのシリアル番号と利用者を紐付けてシステムに登録することで"
                         "す。利用登録の手順は、カード型ハードトークンの利用形態によって異なります。")));
    h += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("9.2.1 全ての利用者が同じトークンを利用する場合")));
    h += step(1, step1) + image(dir, lang, QStringLiteral("9.2.1-1"), QString());
    h += step(2, tr("[利用者情報選択]画面で、利用登録 ボタンを押します。"))
        + image(dir, lang, QStringLiteral("9.2.1-2"), QString());
    h += image(dir, lang, QStringLiteral("card-back"), tr("カード型ハードトークン（裏）：シリアル番号の位置"));
    h += image(dir, lang, QStringLiteral("card-front"),
        tr("カード型ハードトークン（表）：利用登録用ワンタイムパスワードを発行するボタンの位置"));
    h += step(3,
             tr("[カード型ハードトークン利用登録入力]"
                "画面で、利用登録するカード型ハードトークンのシリアル番号およびワンタイムパスワードを入力したあと、次へ"
                " ボタンを押します。"))
        + image(dir, lang, QStringLiteral("9.2.1-3"), QString());
    h += box(caution, tokenCautions, QStringLiteral("caution"))
        + box(memoTitle, { pressButton }, QStringLiteral("memo"));
    h += step(4,
             tr("[カード型ハードトークン利用登録確認]画面で、契約法人確認暗証番号を入力して、OK "
                "ボタンを押すと、カード型ハードトークンの利用登録は完了です。利用登録の完了後、[利用者情報選択]"
                "画面に戻ります。"))
        + image(dir, lang, QStringLiteral("9.2.1-4"), QString());

    h += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("9.2.2 全ての利用者が異なるトークンを利用する場合")));
    h += step(1, step1) + image(dir, lang, QStringLiteral("9.2.2-1"), QString());
    h += step(2, tr("[利用者情報選択]画面で、利用登録 ボタンを押します。"))
        + image(dir, lang, QStringLiteral("9.2.2-2"), QString());
    h += step(3,
             tr("[カード型ハードトークン利用登録入力]"
                "画面で、カード型ハードトークンを使用する利用者を選択します。利用登録の対象となるカード型ハードトークン"
                "のシリアル番号およびワンタイムパスワードを入力したあと、次へ ボタンを押します。"))
        + image(dir, lang, QStringLiteral("9.2.2-3"), QString());
    h += box(caution, tokenCautions, QStringLiteral("caution"));
    h += box(memoTitle,
        { pressButton,
            tr("[入力完了]ボタンは、[次へ]ボタンを押したあとに表示される[カード型ハードトークン利用登録確認]画面で["
               "追加]ボタンを押して、[カード型ハードトークン利用登録入力]画面に戻った場合に表示されます。["
               "カード型ハードトークン利用登録入力]"
               "画面に戻ったあとに、利用登録情報を追加または変更しないで次の画面へ進む場合は、[入力完了]"
               "ボタンを押します。") },
        QStringLiteral("memo"));
    h += step(4,
             tr("[カード型ハードトークン利用登録確認]画面で、契約法人確認暗証番号を入力して、OK "
                "ボタンを押すと、カード型ハードトークンの利用登録は完了です。利用登録情報の一覧の情報が反映されて、["
                "利用者情報選択]画面に戻ります。"))
        + image(dir, lang, QStringLiteral("9.2.2-4"), QString());
    h += QStringLiteral("<p><b>%1</b> %2</p>\n")
             .arg(esc(tr("● 利用登録情報を追加・変更する場合")),
                 esc(tr("① 追加 "
                        "ボタンを押します。[カード型ハードトークン利用登録入力]"
                        "画面に戻って、利用登録情報を入力してください。")));
    h += QStringLiteral("<p><b>%1</b> %2</p>\n")
             .arg(esc(tr("● 利用登録情報を削除する場合")), esc(tr("対象の情報を選択して、② 削除 ボタンを押します。")));
    h += box(memoTitle,
        { tr("利用登録情報の一覧の上下にある同じ名称のボタンは、どちらを押しても同じ画面に遷移します。") },
        QStringLiteral("memo"));
    h += QStringLiteral("</body></html>\n");
    return h;
}

bool ManualExport::run(const QString& outDir, const QStringList& languages, QString* error)
{
    TourOptions tour;
    tour.outDir = QDir(outDir).filePath(QStringLiteral("images"));
    tour.languages = languages;
    QList<TourShot> shots;
    if (!ScreenshotTour::run(tour, &shots, error))
        return false;
    Language language;
    for (const QString& lang : languages) {
        language.set(lang);
        const QString html = chapterHtml(QStringLiteral("images"));
        const QString base = QDir(outDir).filePath(QStringLiteral("chapter9-%1").arg(lang));
        QSaveFile out(base + QStringLiteral(".html"));
        if (!out.open(QIODevice::WriteOnly)) {
            *error = tr("%1 を書き込めません。").arg(out.fileName());
            return false;
        }
        out.write(html.toUtf8());
        if (!out.commit()) {
            *error = tr("%1 を書き込めません。").arg(out.fileName());
            return false;
        }
        QPdfWriter pdf(base + QStringLiteral(".pdf"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        pdf.setResolution(150);
        pdf.setTitle(tr("9. カード型ハードトークンの利用形態の設定・登録"));
        pdf.setCreator(QStringLiteral("hardtoken-console"));
        QTextDocument doc;
        doc.setBaseUrl(QUrl::fromLocalFile(QDir(outDir).absolutePath() + QLatin1Char('/')));
        doc.setDefaultFont(QFont(QStringLiteral("IPAexGothic"), 10));
        doc.setHtml(html);
        doc.setPageSize(pdf.pageLayout().paintRectPixels(pdf.resolution()).size());
        doc.print(&pdf);
    }
    language.set(QStringLiteral("ja"));
    return true;
}

} // namespace hardtoken
