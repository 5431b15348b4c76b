#pragma once
// A discussion's conversation as a QTextDocument, built without I/O: every name and title is
// inserted as plain text, and comment bodies as Markdown with HTML switched off, so nothing the
// server sends is ever interpreted as HTML or rich text.

#include "hub/api/discussions.h"

#include <QString>

class QTextDocument;

namespace hubui {

/// Replaces `doc`'s content with the events of `d` in order: comments (the first one of a pull
/// request is its description), status and title changes, pushed commits.
void renderConversation(QTextDocument *doc, const hub::DiscussionDetails &d);

/// One event in a sentence, for lists and screen readers ("PellelNitram merged this pull request").
QString describeEvent(const hub::DiscussionEvent &e, bool pullRequest, bool first);

} // namespace hubui
