#pragma once

namespace hubui {

class AppContext;
class PageRegistry;
class UploadController;

/// Adds "Upload files…" (File menu) and makes the window a drop target while a repo is open.
void registerPages_upload(PageRegistry &registry);

/// The app's one UploadController (created on first use, owned by the context).
UploadController *uploadControllerFor(AppContext &context);

} // namespace hubui
