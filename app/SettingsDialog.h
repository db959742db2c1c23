#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace hardtoken {

class Language;

// ファイル > 設定: what a desktop keeps between starts (QSettings), in one place.
// - 表示言語: applied at OK, like 表示 > 言語.
// - 窓の位置と大きさを元に戻す: forgets the main window's and the card window's places (the main
//   window is fitted to its screen again at once).
// - データベース: this desktop's SQLite file, or the shared PostgreSQL store (a libpq connection
//   string without a password: a password in the settings would sit in clear text, so it is refused
//   and the pgpass file named instead). Takes effect at the next start; --database / --postgres
//   still win. A network path for SQLite is refused, as Store refuses it.
// - トレーニング: how long a virtual card shows its code.
// - ログファイル: where the log is, with a button that opens its folder.
// A refused value keeps everything typed, says why at the top (announced) and puts the focus in
// the field at fault.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Language& language, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

Q_SIGNALS:
    // 窓の位置と大きさを元に戻す was pressed: the saved places are already gone.
    void placesReset();

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    bool save();
    void refuse(QWidget* field, const QString& message);
    void updateStoreFields();
    void growToFit();
    void retranslate();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Language& m_language;
};

} // namespace hardtoken
