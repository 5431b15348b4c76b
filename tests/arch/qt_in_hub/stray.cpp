// A deliberate Qt include in an engine source: configuring this must fail.
#include <QString>
int probe()
{
    return 0;
}
