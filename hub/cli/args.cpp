#include "hub/cli/args.h"

namespace hub::cli {

Args &Args::option(const std::string &name, const std::string &help, const std::string &valueName)
{
    m_specs[name] = Spec{help, valueName, true};
    m_order.push_back(name);
    return *this;
}

Args &Args::flag(const std::string &name, const std::string &help)
{
    m_specs[name] = Spec{help, {}, false};
    m_order.push_back(name);
    return *this;
}

bool Args::parse(const std::vector<std::string> &argv)
{
    bool onlyPositionals = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string &a = argv[i];
        if (onlyPositionals || a.size() < 3 || a.rfind("--", 0) != 0) {
            if (a == "--") {
                onlyPositionals = true;
                continue;
            }
            m_positionals.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const auto it = m_specs.find(name);
        if (it == m_specs.end()) {
            m_error = "unknown option --" + name;
            return false;
        }
        if (!it->second.takesValue) {
            if (inlineValue) {
                m_error = "--" + name + " takes no value";
                return false;
            }
            m_values[name] = "1";
            continue;
        }
        if (inlineValue) {
            m_values[name] = *inlineValue;
        } else if (i + 1 < argv.size()) {
            m_values[name] = argv[++i];
        } else {
            m_error = "--" + name + " needs a value (" + it->second.valueName + ")";
            return false;
        }
    }
    return true;
}

bool Args::has(const std::string &name) const
{
    return m_values.count(name) != 0;
}

std::optional<std::string> Args::value(const std::string &name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::string Args::valueOr(const std::string &name, const std::string &fallback) const
{
    return value(name).value_or(fallback);
}

std::string Args::optionsHelp() const
{
    std::string out;
    for (const auto &name : m_order) {
        const auto &spec = m_specs.at(name);
        std::string left = "  --" + name + (spec.takesValue ? " " + spec.valueName : "");
        if (left.size() < 26)
            left.resize(26, ' ');
        else
            left += "  ";
        out += left + spec.help + "\n";
    }
    return out;
}

} // namespace hub::cli
