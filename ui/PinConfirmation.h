#pragma once

#include <QWidget>

#include <memory>

class QPushButton;

namespace Ui {
class PinConfirmation;
}

namespace hardtoken {

class PinInput;

// The foot of the three confirmation screens (9.1 step 3, 9.2.1 step 4, 9.2.2 step 4), placed in
// each form by Designer promotion: the 契約法人確認暗証番号 section with the screen's own
// explanation (`intro`), the PIN field with its software keyboard, and キャンセル / OK. `okArrow`
// prints OK as the manual's picture of CIBMHUS33 does (「OK >」); its accessible name stays 「OK」.
// The focus proxy is the PIN field, so a form's tab order can name the whole section.
class PinConfirmation final : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString intro READ intro WRITE setIntro)
    Q_PROPERTY(bool okArrow READ okArrow WRITE setOkArrow)
public:
    explicit PinConfirmation(QWidget* parent = nullptr);
    ~PinConfirmation() override;

    QString intro() const;
    void setIntro(const QString& intro);
    bool okArrow() const { return m_okArrow; }
    void setOkArrow(bool arrow);

    PinInput* pinInput() const;
    QPushButton* okButton() const;
    QPushButton* cancelButton() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void labelOk();

    std::unique_ptr<Ui::PinConfirmation> m_ui;
    bool m_okArrow = false;
};

} // namespace hardtoken
