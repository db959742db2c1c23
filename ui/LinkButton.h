#pragma once

#include <QAbstractButton>

namespace hardtoken {

// A text link that is a real control: the breadcrumb's トップ and the status page's
// [契約法人管理情報変更]-[利用者情報登録/変更]. Drawn underlined in the link colour with a visible
// focus mark; Tab reaches it; Return, Enter or Space follows it; a screen reader meets a Link
// named by its visible text with a Press action (see Accessibility.h).
class LinkButton final : public QAbstractButton {
    Q_OBJECT
public:
    explicit LinkButton(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
};

} // namespace hardtoken
