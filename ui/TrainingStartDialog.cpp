#include "TrainingStartDialog.h"

#include "Accessibility.h"
#include "training/TrainingResultTable.h"
#include "ui_TrainingStartDialog.h"

#include <QEvent>
#include <QPushButton>

namespace hardtoken {

TrainingStartDialog::TrainingStartDialog(const QString& trainee, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TrainingStartDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("trainingStartDialog"));
    m_ui->traineeError->hide();
    for (const QString& path : ExerciseLoader::bundled()) {
        QString error;
        if (const auto e = ExerciseLoader::load(path, &error))
            m_exercises.append(*e);
        else
            qWarning("%s", qPrintable(error));
    }
    fill();
    m_ui->exerciseList->setCurrentRow(0);
    m_ui->traineeEdit->setText(trainee);
    connect(m_ui->exerciseList, &QListWidget::currentRowChanged, this, &TrainingStartDialog::showGoal);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TrainingStartDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &TrainingStartDialog::reject);
    connect(m_ui->traineeEdit, &QLineEdit::textEdited, this, [this] {
        markInvalid(m_ui->traineeEdit, {});
        m_ui->traineeError->hide();
    });
    showGoal();
    m_ui->exerciseList->setFocus();
    // Wide enough for the longest title on one line, within reason.
    resize(qMax(sizeHint().width(), qMin(720, m_ui->exerciseList->sizeHintForColumn(0) + 64)), sizeHint().height());
}

TrainingStartDialog::~TrainingStartDialog() = default;

void TrainingStartDialog::fill()
{
    const int row = m_ui->exerciseList->currentRow();
    m_ui->exerciseList->clear();
    for (const Exercise& e : std::as_const(m_exercises))
        m_ui->exerciseList->addItem(e.titleIn(currentLanguageCode()));
    m_ui->exerciseList->setCurrentRow(row);
}

void TrainingStartDialog::showGoal()
{
    const auto e = exercise();
    m_ui->goalLabel->setText(e ? tr("目標：%1").arg(e->goalIn(currentLanguageCode())) : QString());
}

void TrainingStartDialog::selectExercise(const QString& id)
{
    for (int i = 0; i < m_exercises.size(); ++i) {
        if (m_exercises[i].id == id)
            m_ui->exerciseList->setCurrentRow(i);
    }
}

std::optional<Exercise> TrainingStartDialog::exercise() const
{
    const int row = m_ui->exerciseList->currentRow();
    if (row < 0 || row >= m_exercises.size())
        return std::nullopt;
    return m_exercises[row];
}

QString TrainingStartDialog::trainee() const
{
    return TrainingResultTable::normaliseTrainee(m_ui->traineeEdit->text());
}

void TrainingStartDialog::accept()
{
    if (trainee().isEmpty()) {
        const QString why = tr("研修者の名前を入力してください。結果はこの名前で保存されます。");
        m_ui->traineeError->setText(why);
        m_ui->traineeError->show();
        markInvalid(m_ui->traineeEdit, why);
        m_ui->traineeEdit->setFocus();
        return;
    }
    if (!exercise())
        return;
    QDialog::accept();
}

void TrainingStartDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fill();
        showGoal();
    }
    QDialog::changeEvent(event);
}

} // namespace hardtoken
