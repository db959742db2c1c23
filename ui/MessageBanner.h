#pragma once

#include <QLabel>

namespace hardtoken {

// The message area at the top of a manual screen: errors (red) and completion notices (green).
// For a screen reader it is an AlertMessage whose name is the message itself (never a fixed
// label), and every new message is announced (QAccessible::Alert), so that 「…あと4回…」 or
// 完了 is heard without moving the focus. Hidden while there is no message.
class MessageBanner final : public QLabel {
    Q_OBJECT
public:
    enum class Kind { Error, Info };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind);
    void clearMessage();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Error;
};

} // namespace hardtoken
