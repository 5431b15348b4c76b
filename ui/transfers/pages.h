#pragma once

namespace hubui {

class AppContext;
class PageRegistry;
class TransferAdapter;

/// Adds the Transfers page, the status-bar progress and the end-of-job notifications.
void registerPages_transfers(PageRegistry &registry);

/// The app's one TransferAdapter over AppContext's engine (created on first use, owned by the
/// context). Every part 2 view that submits or watches jobs goes through it.
TransferAdapter *transferAdapterFor(AppContext &context);

} // namespace hubui
