#include "ui/shell/registerpages.h"

#include "ui/shell/pages.inc"

namespace hubui {

void registerBuiltInPages(PageRegistry &registry)
{
    registerAllPages(registry);
}

} // namespace hubui
