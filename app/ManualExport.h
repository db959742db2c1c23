#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hardtoken {

// Chapter 9 of the manual as HTML and PDF, with the step texts and freshly rendered screenshots in
// place (the screenshot tour runs first), so that a manual never shows a stale screen.
class ManualExport final {
    Q_DECLARE_TR_FUNCTIONS(ManualExport)
public:
    // Writes DIR/images/*.png, DIR/images/manifest.json, DIR/chapter9-<lang>.html and .pdf.
    static bool run(const QString& outDir, const QStringList& languages, QString* error);
    static QString chapterHtml(const QString& imageDir);
};

} // namespace hardtoken
