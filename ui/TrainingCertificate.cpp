#include "TrainingCertificate.h"

#include "desk/ManualSteps.h"
#include "training/TrainingReport.h"
#include "training/TrainingResultTable.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

namespace hardtoken {

QString TrainingCertificate::fileName(const TrainingResult& result, const QString& suffix)
{
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    QString trainee = result.trainee;
    trainee.replace(unsafe, QStringLiteral("_"));
    const QString when
        = QDateTime::fromMSecsSinceEpoch(result.startedAtMSecs).toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QStringLiteral("%1-%2-%3.%4").arg(trainee, result.exerciseId, when, suffix);
}

// The page being written: the painter, the text area, the pen's height so far, and the lines and
// fonts every part of the certificate uses.
struct TrainingCertificate::Sheet {
    QPainter& p;
    QRect page;
    QFont base = QApplication::font();
    int y = 0;
    const QColor navy { 0x1f, 0x3a, 0x5f };
    const QColor gold { 0xc8, 0xa2, 0x4a };

    static int mm(qreal millimetres) { return int(millimetres * 300 / 25.4); }
    QFont font(qreal points, bool bold) const
    {
        QFont f = base;
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }
    void line(const QString& text, const QFont& f, Qt::Alignment align, const QColor& colour = Qt::black)
    {
        p.setFont(f);
        p.setPen(colour);
        const QRect box = p.boundingRect(QRect(0, y, page.width(), page.height()), int(align) | Qt::TextWordWrap, text);
        p.drawText(QRect(0, y, page.width(), box.height()), int(align) | Qt::TextWordWrap, text);
        y += box.height();
    }
};

bool TrainingCertificate::write(const TrainingResult& r, const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("%1 に書き込めません: %2").arg(path, file.errorString());
        return false;
    }
    QPdfWriter pdf(&file);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(20, 20, 20, 18), QPageLayout::Millimeter);
    pdf.setResolution(300);
    pdf.setTitle(tr("トレーニング結果：%1").arg(r.trainee));
    pdf.setCreator(QStringLiteral("hardtoken-console"));
    QPainter p(&pdf);
    Sheet sheet { p, QRect(QPoint(0, 0), pdf.pageLayout().paintRectPixels(pdf.resolution()).size()) };
    paintHeading(sheet, r);
    paintSteps(sheet, r, QFontMetrics(sheet.font(9.5, false), &pdf));
    paintCounts(sheet, r);
    if (!p.end()) {
        *error = tr("%1 に PDF を書き込めませんでした。").arg(path);
        return false;
    }
    return true;
}

// The frame of a certificate (a navy border with a gold rule inside), who, which exercise, when,
// completed or not.
void TrainingCertificate::paintHeading(Sheet& sheet, const TrainingResult& r)
{
    QPainter& p = sheet.p;
    const QRect& page = sheet.page;
    const auto mm = &Sheet::mm;
    p.setPen(QPen(sheet.navy, mm(1.2)));
    p.drawRect(page.adjusted(-mm(6), -mm(6), mm(6), mm(6)));
    p.setPen(QPen(sheet.gold, mm(0.4)));
    p.drawRect(page.adjusted(-mm(4), -mm(4), mm(4), mm(4)));

    sheet.y += mm(6);
    sheet.line(QApplication::applicationDisplayName(), sheet.font(9, false), Qt::AlignHCenter, sheet.navy);
    sheet.y += mm(2);
    sheet.line(tr("トレーニング結果"), sheet.font(24, true), Qt::AlignHCenter, sheet.navy);
    sheet.y += mm(2);
    sheet.line(ManualSteps::chapterTitle(), sheet.font(10, false), Qt::AlignHCenter);
    sheet.y += mm(8);
    sheet.line(r.trainee, sheet.font(22, true), Qt::AlignHCenter);
    p.setPen(QPen(sheet.gold, mm(0.5)));
    p.drawLine(page.width() / 4, sheet.y + mm(1), page.width() * 3 / 4, sheet.y + mm(1));
    sheet.y += mm(6);
    sheet.line(TrainingReport::exerciseTitle(r), sheet.font(13, true), Qt::AlignHCenter);
    sheet.y += mm(2);
    const QString when
        = QDateTime::fromMSecsSinceEpoch(r.startedAtMSecs).toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm"));
    sheet.line(tr("実施日時 %1　所要時間 %2").arg(when, TrainingReport::duration(r.totalMSecs)), sheet.font(10, false),
        Qt::AlignHCenter);
    sheet.y += mm(3);
    sheet.line(r.completed ? tr("すべての手順を完了しました") : tr("途中で中断しました"), sheet.font(14, true),
        Qt::AlignHCenter, r.completed ? QColor(0x15, 0x56, 0x2b) : QColor(0xa1, 0x0f, 0x1f));
    sheet.y += mm(8);
}

// The steps: name, time, hints, demonstrations, wrong turns, and their totals.
void TrainingCertificate::paintSteps(Sheet& sheet, const TrainingResult& r, const QFontMetrics& metrics)
{
    QPainter& p = sheet.p;
    const QRect& page = sheet.page;
    const auto mm = &Sheet::mm;
    const int columns[]
        = { 0, int(page.width() * 0.52), int(page.width() * 0.66), int(page.width() * 0.78), int(page.width() * 0.89) };
    const int rowHeight = mm(6.5);
    const auto row = [&](const QStringList& cells) {
        for (int c = 0; c < cells.size(); ++c)
            p.drawText(QRect(columns[c] + mm(1.5), sheet.y, page.width() / 5, rowHeight), Qt::AlignVCenter, cells[c]);
        sheet.y += rowHeight;
    };
    p.setFont(sheet.font(9.5, true));
    p.setPen(Qt::white);
    p.fillRect(QRect(0, sheet.y, page.width(), rowHeight), sheet.navy);
    row({ tr("手順"), tr("所要時間"), tr("ヒント"), tr("見本"), tr("誤操作") });
    p.setFont(sheet.font(9.5, false));
    for (int i = 0; i < r.steps.size(); ++i) {
        const TrainingStepRecord& s = r.steps[i];
        if (i % 2 == 1)
            p.fillRect(QRect(0, sheet.y, page.width(), rowHeight), QColor(0xf3, 0xf6, 0xfb));
        p.setPen(s.done ? Qt::black : QColor(0x80, 0x80, 0x80));
        const QString name = metrics.elidedText(TrainingReport::stepName(s.stepId), Qt::ElideRight, columns[1] - mm(3));
        row({ name, TrainingReport::duration(s.msecs), QString::number(s.hints), QString::number(s.demonstrations),
            QString::number(s.wrongTurns) });
    }
    p.setPen(QPen(sheet.navy, mm(0.3)));
    p.drawLine(0, sheet.y, page.width(), sheet.y);
    p.setFont(sheet.font(9.5, true));
    p.setPen(Qt::black);
    row({ tr("合計"), TrainingReport::duration(r.totalMSecs), QString::number(r.hints()),
        QString::number(r.demonstrations()), QString::number(r.wrongTurns.size()) });
    sheet.y += mm(6);
}

// The wrong turns with what was done, the failure counters reached, and the foot.
void TrainingCertificate::paintCounts(Sheet& sheet, const TrainingResult& r)
{
    const auto mm = &Sheet::mm;
    sheet.line(tr("誤操作"), sheet.font(11, true), Qt::AlignLeft, sheet.navy);
    sheet.y += mm(1);
    if (r.wrongTurns.isEmpty())
        sheet.line(tr("ありませんでした。"), sheet.font(9.5, false), Qt::AlignLeft);
    for (int i = 0; i < r.wrongTurns.size() && i < MaxListedWrongTurns; ++i) {
        const TrainingWrongTurn& t = r.wrongTurns[i];
        sheet.line(tr("・%1（%2、開始から %3）")
                       .arg(TrainingSession::whatWasDone(t), TrainingReport::stepName(t.stepId),
                           TrainingReport::duration(t.atMSecs)),
            sheet.font(9.5, false), Qt::AlignLeft);
    }
    if (r.wrongTurns.size() > MaxListedWrongTurns)
        sheet.line(tr("ほか %1 件（CSV にすべてあります）").arg(r.wrongTurns.size() - MaxListedWrongTurns),
            sheet.font(9.5, false), Qt::AlignLeft);
    sheet.y += mm(5);
    sheet.line(tr("達した誤入力回数"), sheet.font(11, true), Qt::AlignLeft, sheet.navy);
    sheet.y += mm(1);
    sheet.line(tr("シリアル番号・ワンタイムパスワード %1 回　契約法人確認暗証番号 %2 回　利用中止 %3")
                   .arg(r.otpFailuresReached)
                   .arg(r.pinFailuresReached)
                   .arg(r.suspended ? tr("あり") : tr("なし")),
        sheet.font(9.5, false), Qt::AlignLeft);

    // The foot: what wrote it.
    QPainter& p = sheet.p;
    p.setFont(sheet.font(8, false));
    p.setPen(QColor(0x4a, 0x58, 0x68));
    p.drawText(QRect(0, sheet.page.height() - mm(6), sheet.page.width(), mm(6)), Qt::AlignRight | Qt::AlignBottom,
        QStringLiteral("%1 — %2").arg(QApplication::applicationDisplayName(), ManualSteps::edition()));
}

} // namespace hardtoken
