#pragma once

#include "training/Exercise.h"

#include <QDialog>

#include <memory>

namespace Ui {
class TrainingStartDialog;
}

namespace hardtoken {

// トレーニング > 練習を始める: the bundled exercises (title and goal in the language of the moment)
// and the trainee's name. OK is refused, with the reason beside the field, without a name.
class TrainingStartDialog final : public QDialog {
    Q_OBJECT
public:
    explicit TrainingStartDialog(const QString& trainee, QWidget* parent = nullptr);
    ~TrainingStartDialog() override;

    void selectExercise(const QString& id);
    std::optional<Exercise> exercise() const;
    QString trainee() const;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();
    void showGoal();

    std::unique_ptr<Ui::TrainingStartDialog> m_ui;
    QList<Exercise> m_exercises;
};

} // namespace hardtoken
