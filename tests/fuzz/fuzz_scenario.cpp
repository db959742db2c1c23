// libFuzzer target for the scenario loader: any bytes as a scenario file. The loader must either
// refuse with a message, or return a scenario that keeps every promise the store and screens rely
// on (valid serials, 6-digit tokens, no control characters, holders that exist).
#include "core/Validation.h"
#include "inventory/Scenario.h"
#include "store/StaffTable.h"

#include <QSet>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hardtoken;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

bool printable(const QString& s)
{
    return Validation::firstControl(s) < 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto scenario = ScenarioLoader::parse(json, &error);
    if (!scenario) {
        require(!error.isEmpty());
        return 0;
    }
    require(Validation::checkPin(scenario->pin).ok());
    require(printable(scenario->corporationCode) && printable(scenario->corporationName) && printable(scenario->id));
    QSet<QString> names;
    for (const auto& u : scenario->users) {
        require(printable(u.name) && !u.name.trimmed().isEmpty());
        require(!names.contains(u.name));
        names.insert(u.name);
    }
    QSet<QString> serials;
    for (const auto& t : scenario->tokens) {
        require(Validation::checkSerial(t.serial).ok());
        require(!serials.contains(t.serial));
        serials.insert(t.serial);
        require(t.params.digits == 6);
        require(t.params.period == 30 || t.params.period == 60);
        require(t.secret.size() >= 10);
        require(t.holder.isEmpty() || t.holder == QLatin1String("*") || names.contains(t.holder));
    }
    for (const auto& s : scenario->staff)
        require(printable(s.login) && s.login.size() <= StaffTable::MaxLogin);
    return 0;
}
