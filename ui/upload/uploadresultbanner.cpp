#include "ui/upload/uploadresultbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace hubui {

QString UploadResultBanner::text(const UploadOutcome &o)
{
    const QString link = QStringLiteral("<a href=\"%1\">%2</a>")
                             .arg(o.url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                  o.pullRequest ? tr("the pull request") : tr("commit %1").arg(o.commit.left(7)));
    return (o.pullRequest ? tr("Uploaded %n file(s) to %1: see %2.", nullptr, static_cast<int>(o.files.size()))
                          : tr("Uploaded %n file(s) to %1 as %2.", nullptr, static_cast<int>(o.files.size())))
        .arg(o.repoKey.toHtmlEscaped(), link);
}

UploadResultBanner::UploadResultBanner(const UploadOutcome &outcome, QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Upload finished"));
    auto *label = new QLabel(text(outcome), this);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(!outcome.pullRequest); // a pull request opens in the app
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setToolTip(outcome.files.join(u'\n'));
    auto *history = new QPushButton(outcome.pullRequest ? tr("Open the &pull request") : tr("Show in &History"), this);
    history->setAccessibleName(outcome.pullRequest ? tr("Open the pull request") : tr("Show in History"));
    auto *close = new QPushButton(QStringLiteral("✕"), this);
    close->setAccessibleName(tr("Close"));
    close->setFlat(true);
    close->setShortcut(QKeySequence(Qt::Key_Escape));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(label, 1);
    layout->addWidget(history);
    layout->addWidget(close);
    auto go = [this, outcome] {
        if (outcome.pullRequest)
            emit showPullRequestRequested(outcome);
        else
            emit showHistoryRequested(outcome);
        deleteLater();
    };
    connect(history, &QPushButton::clicked, this, go);
    if (outcome.pullRequest)
        connect(label, &QLabel::linkActivated, this, go);
    connect(close, &QPushButton::clicked, this, &QObject::deleteLater);
}

} // namespace hubui
