#include "ui/community/conversationdocument.h"

#include "ui/community/statuschipdelegate.h"
#include "ui/core/format.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>

namespace hubui {

namespace {

/// The translation context of the conversation's sentences.
struct Conversation {
    Q_DECLARE_TR_FUNCTIONS(hubui::Conversation)
};

constexpr auto kMarkdown =
    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);

QString who(const hub::DiscussionEvent &e)
{
    return e.author.empty() ? Conversation::tr("Someone") : qstr(e.author);
}

void insertLine(QTextCursor &c, const QString &bold, const QString &rest, const QColor &color = {})
{
    QTextCharFormat strong;
    strong.setFontWeight(QFont::Bold);
    if (color.isValid())
        strong.setForeground(color);
    QTextCharFormat normal;
    if (color.isValid())
        normal.setForeground(color);
    c.insertText(bold, strong);
    c.insertText(rest, normal);
}

void insertDate(QTextCursor &c, const hub::DiscussionEvent &e)
{
    QTextCharFormat grey;
    grey.setForeground(QPalette().color(QPalette::PlaceholderText));
    c.insertText(QStringLiteral(" · ") + formatRelativeDate(e.createdAt), grey);
}

} // namespace

QString describeEvent(const hub::DiscussionEvent &e, bool pullRequest, bool first)
{
    using T = hub::DiscussionEvent::Type;
    switch (e.type) {
    case T::Comment:
        if (e.hidden)
            return Conversation::tr("%1's comment was hidden").arg(who(e));
        if (first)
            return (pullRequest ? Conversation::tr("%1 opened this pull request")
                                : Conversation::tr("%1 started this discussion"))
                .arg(who(e));
        return Conversation::tr("%1 commented").arg(who(e));
    case T::StatusChange:
        if (e.newStatus == "merged")
            return Conversation::tr("%1 merged this pull request").arg(who(e));
        if (e.newStatus == "closed")
            return Conversation::tr("%1 closed this").arg(who(e));
        if (e.newStatus == "open")
            return Conversation::tr("%1 reopened this").arg(who(e));
        return Conversation::tr("%1 changed the status to %2").arg(who(e), qstr(e.newStatus));
    case T::Commit: return Conversation::tr("%1 pushed commit %2").arg(who(e), shortCommit(e.commitOid));
    case T::TitleChange:
        return Conversation::tr("%1 changed the title from “%2” to “%3”")
            .arg(who(e), qstr(e.oldTitle), qstr(e.newTitle));
    case T::Other: break;
    }
    return Conversation::tr("%1: %2").arg(who(e), qstr(e.typeName));
}

void renderConversation(QTextDocument *doc, const hub::DiscussionDetails &d)
{
    using T = hub::DiscussionEvent::Type;
    doc->clear();
    QTextCursor c(doc);
    QTextFrameFormat card;
    card.setBorder(1);
    card.setBorderBrush(QPalette().color(QPalette::Mid));
    card.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    card.setPadding(8);
    card.setTopMargin(4);
    card.setBottomMargin(8);
    card.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QTextCharFormat mono;
    mono.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    bool firstComment = true;
    bool lineOpen = false;
    for (const auto &e : d.events) {
        if (e.type == T::Comment) {
            c.movePosition(QTextCursor::End);
            QTextFrame *frame = c.insertFrame(card);
            QTextCursor in = frame->firstCursorPosition();
            const QString sentence = describeEvent(e, d.isPullRequest, firstComment);
            insertLine(in, who(e), sentence.mid(who(e).size()));
            insertDate(in, e);
            if (e.edited) {
                QTextCharFormat grey;
                grey.setForeground(QPalette().color(QPalette::PlaceholderText));
                in.insertText(Conversation::tr(" (edited)"), grey);
            }
            in.insertBlock();
            if (e.hidden) {
                QTextCharFormat italic;
                italic.setFontItalic(true);
                in.insertText(Conversation::tr("This comment was hidden."), italic);
            } else if (e.content.empty()) {
                QTextCharFormat italic;
                italic.setFontItalic(true);
                in.insertText(Conversation::tr("No description."), italic);
            } else {
                in.insertFragment(QTextDocumentFragment::fromMarkdown(qstr(e.content), kMarkdown));
            }
            firstComment = false;
            lineOpen = false;
            continue;
        }
        c.movePosition(QTextCursor::End);
        if (lineOpen) // after a comment the cursor is already on an empty block
            c.insertBlock();
        lineOpen = true;
        QTextBlockFormat indent;
        indent.setLeftMargin(12);
        indent.setBottomMargin(8);
        c.setBlockFormat(indent);
        QColor color;
        if (e.type == T::StatusChange)
            color = StatusChipDelegate::statusColor(qstr(e.newStatus));
        if (e.type == T::Commit) {
            insertLine(c, QStringLiteral("⟳ ") + who(e), Conversation::tr(" pushed commit "));
            c.insertText(shortCommit(e.commitOid), mono);
            if (!e.commitSummary.empty())
                c.insertText(QStringLiteral("  ") + qstr(e.commitSummary), QTextCharFormat());
        } else {
            const QString sentence = describeEvent(e, d.isPullRequest, false);
            insertLine(c, QStringLiteral("● ") + who(e), sentence.mid(who(e).size()), color);
        }
        insertDate(c, e);
    }
    if (d.events.empty()) {
        c.insertText(Conversation::tr("No conversation yet."));
        return;
    }
    // A frame always has a block before and after it: those left empty (before the first comment,
    // between two comments) would show as blank lines of uneven height. Collapse them.
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (!b.text().isEmpty() || doc->frameAt(b.position()) != doc->rootFrame())
            continue;
        QTextCursor spacer(b);
        QTextBlockFormat none;
        none.setLineHeight(0, QTextBlockFormat::FixedHeight);
        spacer.setBlockFormat(none);
        QTextCharFormat tiny;
        tiny.setFontPointSize(1);
        spacer.setBlockCharFormat(tiny);
    }
}

} // namespace hubui
