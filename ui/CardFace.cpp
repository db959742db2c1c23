#include "CardFace.h"

#include "Accessibility.h"

#include "core/Validation.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace hardtoken {

namespace {
// Drawing units: the card is 342 x 216 (ISO/IEC 7810 ID-1 proportions).
constexpr qreal kW = 342.0;
constexpr qreal kH = 216.0;
const QRectF kButton(248, 120, 56, 56);
} // namespace

CardFace::CardFace(QWidget* parent)
    : QWidget(parent)
{
    installAccessibleInterfaces();
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setMinimumSize(228, 144);
    setFocusPolicy(Qt::StrongFocus);
}

void CardFace::setSide(Side side)
{
    m_side = side;
    if (m_caption.isEmpty())
        setAccessibleName(
            side == Side::Front ? tr("カード型ハードトークン（表）") : tr("カード型ハードトークン（裏）"));
    update();
}

void CardFace::setSerial(const QString& serial)
{
    m_serial = serial;
    update();
}

void CardFace::setDisplayText(const QString& text)
{
    if (text == m_display)
        return;
    m_display = text;
    if (m_caption.isEmpty())
        setAccessibleDescription(text);
    update();
}

void CardFace::setMarkPositions(bool mark)
{
    m_markPositions = mark;
    update();
}

void CardFace::setCaption(const QString& caption)
{
    m_caption = caption;
    setAccessibleName(caption);
    setAccessibleDescription(QString());
    setFocusPolicy(caption.isEmpty() ? Qt::StrongFocus : Qt::NoFocus);
}

QRectF CardFace::cardRect() const
{
    const qreal scale = qMin(width() / kW, height() / kH);
    const QSizeF size(kW * scale, kH * scale);
    return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

QRectF CardFace::buttonRect() const
{
    const QRectF card = cardRect();
    const qreal s = card.width() / kW;
    return QRectF(
        card.left() + kButton.left() * s, card.top() + kButton.top() * s, kButton.width() * s, kButton.height() * s);
}

void CardFace::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF card = cardRect();
    p.translate(card.topLeft());
    p.scale(card.width() / kW, card.height() / kH);
    QFont font = this->font();
    const auto setPixelSize = [&](qreal px, bool bold = false, bool mono = false) {
        QFont f = font;
        if (mono)
            f.setFamilies(
                { QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Consolas"), QStringLiteral("monospace") });
        f.setPixelSize(qRound(px));
        f.setBold(bold);
        p.setFont(f);
    };
    const QRectF body(2, 2, kW - 4, kH - 4);
    if (m_side == Side::Front) {
        QLinearGradient face(0, 0, kW, kH);
        face.setColorAt(0, QColor(0x2c, 0x4a, 0x72));
        face.setColorAt(1, QColor(0x1f, 0x3a, 0x5f));
        p.setPen(QPen(QColor(0x14, 0x25, 0x3d), 2));
        p.setBrush(face);
        p.drawRoundedRect(body, 16, 16);
        p.setPen(QColor(0xd6, 0xe0, 0xec));
        setPixelSize(14);
        p.drawText(QRectF(22, 18, 300, 24), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("ONE TIME PASSWORD"));
        // The LCD display.
        const QRectF lcd(22, 54, 200, 60);
        p.setPen(QPen(QColor(0x0e, 0x1a, 0x2b), 2));
        p.setBrush(QColor(0xc9, 0xd6, 0xb8));
        p.drawRoundedRect(lcd, 6, 6);
        p.setPen(QColor(0x26, 0x33, 0x1c));
        setPixelSize(34, true, true);
        p.drawText(lcd, Qt::AlignCenter, m_display);
        // The button.
        p.setPen(QPen(QColor(0x0e, 0x1a, 0x2b), 2));
        p.setBrush(QColor(0xd9, 0xde, 0xe5));
        p.drawEllipse(kButton);
        p.setPen(QColor(0x1d, 0x27, 0x33));
        setPixelSize(13, true);
        p.drawText(kButton, Qt::AlignCenter, QStringLiteral("ON"));
        if (hasFocus()) {
            p.setPen(QPen(QColor(0xff, 0xff, 0xff), 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(kButton.adjusted(-4, -4, 4, 4));
        }
        if (m_markPositions) {
            p.setPen(QPen(QColor(0xf5, 0xb0, 0x41), 4));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(kButton.adjusted(-8, -8, 8, 8));
            setPixelSize(12);
            const QString label = tr("利用登録用ワンタイムパスワードを発行するボタン");
            const QRectF box(22, 156, 176, 44);
            const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
            // The leader starts right of the label's longest line, whatever the language: it crosses
            // no text.
            const QRectF text = p.boundingRect(box, flags, label);
            p.drawLine(QPointF(238, 160), QPointF(text.right() + 6, text.center().y()));
            p.setPen(QColor(0xf5, 0xd7, 0x8a));
            p.drawText(box, flags, label);
        }
        return;
    }
    p.setPen(QPen(QColor(0x56, 0x65, 0x7a), 2));
    p.setBrush(QColor(0xee, 0xf1, 0xf5));
    p.drawRoundedRect(body, 16, 16);
    p.fillRect(QRectF(2, 28, kW - 4, 34), QColor(0x3c, 0x47, 0x56));
    p.setPen(QColor(0x3c, 0x47, 0x56));
    setPixelSize(11);
    p.drawText(QRectF(22, 76, 300, 40), Qt::AlignLeft | Qt::TextWordWrap,
        tr("このカードは大切に保管してください。拾得された方は、お近くの店舗までお届けください。"));
    setPixelSize(12, false, true);
    p.drawText(QRectF(22, 140, 60, 30), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("SERIAL"));
    p.setPen(QColor(0x1d, 0x27, 0x33));
    setPixelSize(19, true, true);
    const QRectF serial(82, 140, 160, 30);
    p.drawText(serial, Qt::AlignCenter, Validation::formatSerial(m_serial));
    if (m_markPositions) {
        p.setPen(QPen(QColor(0xc0, 0x39, 0x2b), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(serial.adjusted(-4, -2, 4, 2), 4, 4);
        p.drawLine(QPointF(serial.right() + 4, serial.center().y()), QPointF(300, serial.center().y()));
        p.setPen(QColor(0xc0, 0x39, 0x2b));
        setPixelSize(11, true);
        p.drawText(QRectF(250, 118, 90, 20), Qt::AlignLeft | Qt::AlignVCenter, tr("シリアル番号"));
    }
}

void CardFace::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_side == Side::Front && event->button() == Qt::LeftButton && buttonRect().contains(event->position()))
        Q_EMIT buttonPressed();
    QWidget::mouseReleaseEvent(event);
}

void CardFace::keyPressEvent(QKeyEvent* event)
{
    if (m_side == Side::Front && (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return)) {
        Q_EMIT buttonPressed();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace hardtoken
