#pragma once
// A small, strict command-line parser for hubdesk-cli subcommands.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hub::cli {

/// Parses "--name value", "--name=value", boolean "--flag" and positionals. Options must be
/// declared; anything undeclared is an error with a plain message.
class Args {
public:
    Args &option(const std::string &name, const std::string &help, const std::string &valueName = "VALUE");
    Args &flag(const std::string &name, const std::string &help);

    /// Returns false and sets error() on unknown options or missing values.
    bool parse(const std::vector<std::string> &argv);
    const std::string &error() const { return m_error; }

    bool has(const std::string &name) const;
    std::optional<std::string> value(const std::string &name) const;
    std::string valueOr(const std::string &name, const std::string &fallback) const;
    const std::vector<std::string> &positionals() const { return m_positionals; }

    /// The option list, one per line, for --help texts.
    std::string optionsHelp() const;

private:
    struct Spec {
        std::string help;
        std::string valueName;
        bool takesValue = false;
    };
    std::map<std::string, Spec> m_specs;
    std::vector<std::string> m_order;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positionals;
    std::string m_error;
};

} // namespace hub::cli
