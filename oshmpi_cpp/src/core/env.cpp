#include "core/env.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <sstream>

#include "core/error.hpp"

namespace oshmpi::detail {

namespace {

const char* lookup(const char* name, const char* alias)
{
    if (const char* value = std::getenv(name)) return value;
    if (alias != nullptr) return std::getenv(alias);
    return nullptr;
}

bool parse_bool(const char* variable, const std::string& text)
{
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty() || lower == "0" || lower == "no" || lower == "false" || lower == "off") return false;
    if (lower == "1" || lower == "yes" || lower == "true" || lower == "on") return true;
    fail(errc::invalid_argument, "%s=%s: expected 0/1, yes/no, true/false or on/off", variable, text.c_str());
}

void parse_into(std::size_t& field, const char* variable, const std::string& text)
{
    field = parse_size(variable, text);
}
void parse_into(bool& field, const char* variable, const std::string& text)
{
    field = parse_bool(variable, text);
}
void parse_into(std::string& field, const char* variable, const std::string& text)
{
    if (std::string(variable) == "OSHMPI_TRANSPORT" && text != "auto" && text != "mpi")
        fail(errc::invalid_argument, "OSHMPI_TRANSPORT=%s: expected auto or mpi", text.c_str());
    if (std::string(variable) == "OSHMPI_PROGRESS" && text != "auto" && text != "on" && text != "off")
        fail(errc::invalid_argument, "OSHMPI_PROGRESS=%s: expected auto, on or off", text.c_str());
    field = text;
}

} // namespace

std::size_t parse_size(const char* variable, const std::string& text)
{
    const char* begin = text.c_str();
    char* end = nullptr;
    errno = 0;
    // Integer parsing, not strtof: large byte counts must not lose precision.
    unsigned long long number = std::strtoull(begin, &end, 10);
    if (end == begin || errno == ERANGE || text[0] == '-')
        fail(errc::invalid_argument, "%s=%s: not a size (examples: 1048576, 512K, 64M, 2G)", variable,
             text.c_str());
    unsigned shift = 0;
    std::string suffix(end);
    if (suffix == "K" || suffix == "k" || suffix == "KB" || suffix == "kb") shift = 10;
    else if (suffix == "M" || suffix == "m" || suffix == "MB" || suffix == "mb") shift = 20;
    else if (suffix == "G" || suffix == "g" || suffix == "GB" || suffix == "gb") shift = 30;
    else if (suffix == "T" || suffix == "t" || suffix == "TB" || suffix == "tb") shift = 40;
    else if (!suffix.empty())
        fail(errc::invalid_argument, "%s=%s: unknown suffix '%s' (use K, M, G or T)", variable,
             text.c_str(), suffix.c_str());
    if (number > (std::numeric_limits<std::size_t>::max() >> shift))
        fail(errc::invalid_argument, "%s=%s: too large", variable, text.c_str());
    if (number == 0) fail(errc::invalid_argument, "%s=%s: must be positive", variable, text.c_str());
    return static_cast<std::size_t>(number) << shift;
}

env_config read_env()
{
    env_config config;
#define OSHMPI_ENV_READ(field, type, name, alias, fallback, scope, meaning)                                \
    {                                                                                                  \
        const char* value = lookup(name, alias);                                                       \
        parse_into(config.field, name, value != nullptr ? value : fallback);                           \
    }
    OSHMPI_ENV_VARIABLES(OSHMPI_ENV_READ)
#undef OSHMPI_ENV_READ
    return config;
}

namespace {
std::string as_text(const std::string& value) { return value; }
std::string as_text(std::size_t value) { return std::to_string(value); }
std::string as_text(bool value) { return value ? "1" : "0"; }
constexpr bool job = true, pe = false;
} // namespace

std::vector<env_setting> job_settings(const env_config& config)
{
    std::vector<env_setting> settings;
#define OSHMPI_ENV_JOB(field, type, name, alias, fallback, scope, meaning)                           \
    if (scope) settings.push_back({name, as_text(config.field)});
    OSHMPI_ENV_VARIABLES(OSHMPI_ENV_JOB)
#undef OSHMPI_ENV_JOB
    return settings;
}

std::string describe_env(const env_config& config)
{
    std::ostringstream out;
    out << "oshmpi-cpp environment variables (value now in effect):\n";
    auto show = [&out](const char* name, const char* alias, const auto& value, const char* meaning) {
        out << "  " << name;
        if (alias != nullptr) out << " (alias " << alias << ")";
        out << " = " << value << "\n      " << meaning << "\n";
    };
#define OSHMPI_ENV_SHOW(field, type, name, alias, fallback, scope, meaning)                                \
    show(name, alias, config.field, meaning);
    OSHMPI_ENV_VARIABLES(OSHMPI_ENV_SHOW)
#undef OSHMPI_ENV_SHOW
    return out.str();
}

} // namespace oshmpi::detail
