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
    const QRect page(QPoint(0, 0), pdf.pageLayout().paintRectPixels(pdf.resolution()).size());
    const auto mm = [&](qreal millimetres) { return int(millimetres * 300 / 25.4); };
    QFont base = QApplication::font();
    const auto font = [&](qreal points, bool bold) {
        QFont f = base;
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    };
    const QColor navy(0x1f, 0x3a, 0x5f);
    const QColor gold(0xc8, 0xa2, 0x4a);
    int y = 0;
    const auto line = [&](const QString& text, const QFont& f, Qt::Alignment align, const QColor& colour = Qt::black) {
        p.setFont(f);
        p.setPen(colour);
        const QRect box = p.boundingRect(QRect(0, y, page.width(), page.height()), int(align) | Qt::TextWordWrap, text);
        p.drawText(QRect(0, y, page.width(), box.height()), int(align) | Qt::TextWordWrap, text);
        y += box.height();
    };

    // The frame of a certificate: a navy border with a gold rule inside.
    p.setPen(QPen(navy, mm(1.2)));
    p.drawRect(page.adjusted(-mm(6), -mm(6), mm(6), mm(6)));
    p.setPen(QPen(gold, mm(0.4)));
    p.drawRect(page.adjusted(-mm(4), -mm(4), mm(4), mm(4)));

    y += mm(6);
    line(QApplication::applicationDisplayName(), font(9, false), Qt::AlignHCenter, navy);
    y += mm(2);
    line(tr("トレーニング結果"), font(24, true), Qt::AlignHCenter, navy);
    y += mm(2);
    line(ManualSteps::chapterTitle(), font(10, false), Qt::AlignHCenter);
    y += mm(8);
    line(r.trainee, font(22, true), Qt::AlignHCenter);
    p.setPen(QPen(gold, mm(0.5)));
    p.drawLine(page.width() / 4, y + mm(1), page.width() * 3 / 4, y + mm(1));
    y += mm(6);
    line(TrainingReport::exerciseTitle(r), font(13, true), Qt::AlignHCenter);
    y += mm(2);
    const QString when
        = QDateTime::fromMSecsSinceEpoch(r.startedAtMSecs).toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm"));
    line(tr("実施日時 %1　所要時間 %2").arg(when, TrainingReport::duration(r.totalMSecs)), font(10, false),
        Qt::AlignHCenter);
    y += mm(3);
    line(r.completed ? tr("すべての手順を完了しました") : tr("途中で中断しました"), font(14, true), Qt::AlignHCenter,
        r.completed ? QColor(0x15, 0x56, 0x2b) : QColor(0xa1, 0x0f, 0x1f));
    y += mm(8);

    // The steps: name, time, hints, demonstrations, wrong turns.
    const int columns[]
        = { 0, int(page.width() * 0.52), int(page.width() * 0.66), int(page.width() * 0.78), int(page.width() * 0.89) };
    const QStringList headers { tr("手順"), tr("所要時間"), tr("ヒント"), tr("見本"), tr("誤操作") };
    p.setFont(font(9.5, true));
    p.setPen(Qt::white);
    const int rowHeight = mm(6.5);
    p.fillRect(QRect(0, y, page.width(), rowHeight), navy);
    for (int c = 0; c < headers.size(); ++c)
        p.drawText(QRect(columns[c] + mm(1.5), y, page.width() / 5, rowHeight), Qt::AlignVCenter, headers[c]);
    y += rowHeight;
    p.setFont(font(9.5, false));
    const QFontMetrics metrics(p.font(), &pdf);
    for (int i = 0; i < r.steps.size(); ++i) {
        const TrainingStepRecord& s = r.steps[i];
        if (i % 2 == 1)
            p.fillRect(QRect(0, y, page.width(), rowHeight), QColor(0xf3, 0xf6, 0xfb));
        p.setPen(s.done ? Qt::black : QColor(0x80, 0x80, 0x80));
        const QString name = metrics.elidedText(TrainingReport::stepName(s.stepId), Qt::ElideRight, columns[1] - mm(3));
        const QStringList cells { name, TrainingReport::duration(s.msecs), QString::number(s.hints),
            QString::number(s.demonstrations), QString::number(s.wrongTurns) };
        for (int c = 0; c < cells.size(); ++c)
            p.drawText(QRect(columns[c] + mm(1.5), y, page.width() / 5, rowHeight), Qt::AlignVCenter, cells[c]);
        y += rowHeight;
    }
    p.setPen(QPen(navy, mm(0.3)));
    p.drawLine(0, y, page.width(), y);
    p.setFont(font(9.5, true));
    p.setPen(Qt::black);
    const QStringList totals { tr("合計"), TrainingReport::duration(r.totalMSecs), QString::number(r.hints()),
        QString::number(r.demonstrations()), QString::number(r.wrongTurns.size()) };
    for (int c = 0; c < totals.size(); ++c)
        p.drawText(QRect(columns[c] + mm(1.5), y, page.width() / 5, rowHeight), Qt::AlignVCenter, totals[c]);
    y += rowHeight + mm(6);

    line(tr("誤操作"), font(11, true), Qt::AlignLeft, navy);
    y += mm(1);
    if (r.wrongTurns.isEmpty())
        line(tr("ありませんでした。"), font(9.5, false), Qt::AlignLeft);
    for (int i = 0; i < r.wrongTurns.size() && i < MaxListedWrongTurns; ++i) {
        const TrainingWrongTurn& t = r.wrongTurns[i];
        line(tr("・%1（%2、開始から %3）")
                 .arg(TrainingSession::whatWasDone(t), TrainingReport::stepName(t.stepId),
                     TrainingReport::duration(t.atMSecs)),
            font(9.5, false), Qt::AlignLeft);
    }
    if (r.wrongTurns.size() > MaxListedWrongTurns)
        line(tr("ほか %1 件（CSV にすべてあります）").arg(r.wrongTurns.size() - MaxListedWrongTurns), font(9.5, false),
            Qt::AlignLeft);
    y += mm(5);
    line(tr("達した誤入力回数"), font(11, true), Qt::AlignLeft, navy);
    y += mm(1);
    line(tr("シリアル番号・ワンタイムパスワード %1 回　契約法人確認暗証番号 %2 回　利用中止 %3")
             .arg(r.otpFailuresReached)
             .arg(r.pinFailuresReached)
             .arg(r.suspended ? tr("あり") : tr("なし")),
        font(9.5, false), Qt::AlignLeft);

    // The foot: what wrote it.
    p.setFont(font(8, false));
    p.setPen(QColor(0x4a, 0x58, 0x68));
    p.drawText(QRect(0, page.height() - mm(6), page.width(), mm(6)), Qt::AlignRight | Qt::AlignBottom,
        QStringLiteral("%1 — %2").arg(QApplication::applicationDisplayName(), ManualSteps::edition()));
    if (!p.end()) {
        *error = tr("%1 に PDF を書き込めませんでした。").arg(path);
        return false;
    }
    return true;
}

} // namespace hardtoken
