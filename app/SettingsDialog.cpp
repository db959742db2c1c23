#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "Accessibility.h"
#include "DesktopSettings.h"
#include "Language.h"
#include "LogFile.h"
#include "MessageBanner.h"
#include "VirtualCardToken.h"
#include "store/Store.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

namespace hardtoken {

SettingsDialog::SettingsDialog(Language& language, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::SettingsDialog)
    , m_language(language)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));
    m_ui->languageCombo->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    connect(m_ui->sqliteRadio, &QRadioButton::toggled, this, &SettingsDialog::updateStoreFields);
    connect(m_ui->postgresRadio, &QRadioButton::toggled, this, &SettingsDialog::updateStoreFields);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString current = m_ui->databaseEdit->text().trimmed();
        const QString chosen = QFileDialog::getSaveFileName(this, m_ui->sqliteRadio->text(),
            current.isEmpty() ? Store::defaultDatabasePath() : current,
            tr("SQLite データベース (*.sqlite *.db);;すべてのファイル (*)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            m_ui->databaseEdit->setText(QDir::toNativeSeparators(chosen));
    });
    connect(m_ui->resetPlacesButton, &QPushButton::clicked, this, [this] {
        QSettings settings;
        settings.remove(desktop::windowGeometryKey());
        settings.remove(desktop::cardWindowGeometryKey());
        m_ui->messageBanner->showMessage(tr("窓の位置と大きさを元に戻しました。"), MessageBanner::Kind::Info);
        Q_EMIT placesReset();
    });
    connect(m_ui->openLogFolderButton, &QPushButton::clicked, this,
        [] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(LogFile::path()).absolutePath())); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    load();
    retranslate();
    growToFit();
}

void SettingsDialog::growToFit()
{
    // Wrapped labels (the note, a message) do not grow a dialog by themselves, and adjustSize()
    // stops at the minimum: take the whole size hint.
    resize(size().expandedTo(sizeHint()));
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    const QSettings settings;
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(m_language.current())));
    const QString postgres = settings.value(desktop::postgresKey()).toString();
    m_ui->databaseEdit->setText(QDir::toNativeSeparators(settings.value(desktop::databaseKey()).toString()));
    m_ui->postgresEdit->setText(postgres);
    (postgres.isEmpty() ? m_ui->sqliteRadio : m_ui->postgresRadio)->setChecked(true);
    const int seconds = settings.value(desktop::cardSecondsKey(), VirtualCardToken::DefaultBlankAfterSecs).toInt();
    m_ui->cardSecondsSpin->setValue(seconds > 0 ? seconds : VirtualCardToken::DefaultBlankAfterSecs);
    m_ui->openLogFolderButton->setEnabled(!LogFile::path().isEmpty());
    updateStoreFields();
}

void SettingsDialog::updateStoreFields()
{
    const bool sqlite = m_ui->sqliteRadio->isChecked();
    m_ui->databaseEdit->setEnabled(sqlite);
    m_ui->browseButton->setEnabled(sqlite);
    m_ui->postgresEdit->setEnabled(!sqlite);
}

void SettingsDialog::refuse(QWidget* field, const QString& message)
{
    m_ui->messageBanner->showMessage(message, MessageBanner::Kind::Error);
    growToFit();
    markInvalid(field, message);
    field->setFocus(Qt::OtherFocusReason);
}

bool SettingsDialog::save()
{
    markInvalid(m_ui->databaseEdit, {});
    markInvalid(m_ui->postgresEdit, {});
    m_ui->messageBanner->clearMessage();

    const QString database = QDir::fromNativeSeparators(m_ui->databaseEdit->text().trimmed());
    const QString postgres = m_ui->postgresEdit->text().trimmed();
    if (m_ui->sqliteRadio->isChecked() && !database.isEmpty()) {
        if (Store::isNetworkPath(database)) {
            refuse(m_ui->databaseEdit, Store::networkPathMessage(database));
            return false;
        }
        const QFileInfo file(database);
        if (file.isDir()) {
            refuse(m_ui->databaseEdit,
                tr("%1 はフォルダーです。データベースのファイル名を入力してください。")
                    .arg(QDir::toNativeSeparators(database)));
            return false;
        }
        if (!file.absoluteDir().exists()) {
            refuse(m_ui->databaseEdit,
                tr("フォルダー %1 がありません。").arg(QDir::toNativeSeparators(file.absolutePath())));
            return false;
        }
    }
    if (m_ui->postgresRadio->isChecked()) {
        if (postgres.isEmpty()) {
            refuse(m_ui->postgresEdit, tr("共有データベースの接続文字列を入力してください。"));
            return false;
        }
        // Read as libpq reads it (PQconninfoParse): an unknown keyword, broken quoting or a
        // password is refused here, not at the next start.
        QString why;
        if (!Store::postgresConnectionString(postgres, &why)) {
            refuse(m_ui->postgresEdit, why);
            return false;
        }
    }

    QSettings settings;
    if (m_ui->sqliteRadio->isChecked()) {
        settings.remove(desktop::postgresKey());
        if (database.isEmpty())
            settings.remove(desktop::databaseKey());
        else
            settings.setValue(desktop::databaseKey(), QFileInfo(database).absoluteFilePath());
    } else {
        settings.setValue(desktop::postgresKey(), postgres);
    }
    settings.setValue(desktop::cardSecondsKey(), m_ui->cardSecondsSpin->value());
    const QString language = m_ui->languageCombo->currentData().toString();
    settings.setValue(desktop::languageKey(), language);
    if (language != m_language.current())
        m_language.set(language);
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

void SettingsDialog::retranslate()
{
    const QString log = LogFile::path();
    m_ui->logPathLabel->setText(log.isEmpty() ? tr("（記録していません）") : QDir::toNativeSeparators(log));
    m_ui->databaseEdit->setPlaceholderText(QDir::toNativeSeparators(Store::defaultDatabasePath()));
    m_ui->storeNote->setText(tr("ファイルを空にすると、既定の場所（%1）を使います。起動時の --database と "
                                "--postgres は、この設定より優先されます。")
                                 .arg(QDir::toNativeSeparators(Store::defaultDatabasePath())));
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace hardtoken
