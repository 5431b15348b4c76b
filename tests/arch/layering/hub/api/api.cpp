#include "hub/core/core.h"
int api()
{
    return 0;
}
