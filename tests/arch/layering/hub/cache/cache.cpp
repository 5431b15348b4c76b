#include "hub/api/http.h" // forbidden: hub_cache does not link hub_api
#include "hub/core/core.h"
int cache()
{
    return 0;
}
