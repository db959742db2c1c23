#pragma once

class QApplication;

namespace hardtoken {

// The console's look, defined once: the Japanese UI font of the platform and the style sheet in
// resources/style/console.qss.
void applyConsoleStyle(QApplication& app);

} // namespace hardtoken
