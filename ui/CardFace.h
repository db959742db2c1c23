#pragma once

#include <QWidget>

namespace hardtoken {

// One side of a card-type hard token, drawn with QPainter so that it is crisp at any scale. A
// neutral design (no bank's logo): the front has the OTP display and the button that issues the
// registration OTP; the back has the serial printed 00-0000001-2. markPositions draws the frames
// the manual's two pictures need (シリアル番号の位置, ボタンの位置).
class CardFace final : public QWidget {
    Q_OBJECT
public:
    enum class Side { Front, Back };

    explicit CardFace(QWidget* parent = nullptr);

    void setSide(Side side);
    Side side() const { return m_side; }
    void setSerial(const QString& serial);
    void setDisplayText(const QString& text);
    QString displayText() const { return m_display; }
    void setMarkPositions(bool mark);
    // A picture in the manual's screens: a screen reader names it by the caption shown under it,
    // and the digits drawn on it are an example, not a code to read out.
    void setCaption(const QString& caption);
    // Where the OTP button is, in widget coordinates.
    QRectF buttonRect() const;

    QSize sizeHint() const override { return { 342, 216 }; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width * 54 / 86; }

Q_SIGNALS:
    void buttonPressed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QRectF cardRect() const;

    Side m_side = Side::Front;
    QString m_serial;
    QString m_display;
    bool m_markPositions = false;
    QString m_caption;
};

} // namespace hardtoken
