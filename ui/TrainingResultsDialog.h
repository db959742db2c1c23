#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class TrainingResultsDialog;
}

namespace hardtoken {

class Store;
class TrainingResultsModel;

// トレーニング > 練習の結果: the trainer's class view of every result on this laptop (a sortable
// TrainingResultsModel), with the selected result's PDF report and every result as CSV.
class TrainingResultsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit TrainingResultsDialog(const Store& store, QWidget* parent = nullptr);
    ~TrainingResultsDialog() override;

    TrainingResultsModel* model() const { return m_model; }
    // Writes what the buttons write, to `path` (the buttons ask for it with a file dialog).
    bool saveCertificate(int row, const QString& path, QString* error) const;
    bool saveCsv(const QString& path, QString* error) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateButtons();

    std::unique_ptr<Ui::TrainingResultsDialog> m_ui;
    TrainingResultsModel* m_model = nullptr;
};

} // namespace hardtoken
