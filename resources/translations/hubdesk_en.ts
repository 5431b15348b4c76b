<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>hubui::CacheModel</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored file(s), each kept once for every repository that uses it</source>
        <translation>
            <numerusform>%n stored file, each kept once for every repository that uses it</numerusform>
            <numerusform>%n stored files, each kept once for every repository that uses it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n used by no repository</source>
        <translation>
            <numerusform>%n used by no repository</numerusform>
            <numerusform>%n used by no repository</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::CachePage</name>
    <message numerus="yes">
        <source>%n item(s) skipped (in use or already gone).</source>
        <translation>
            <numerusform>%n item skipped (in use or already gone).</numerusform>
            <numerusform>%n items skipped (in use or already gone).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be deleted: %1</source>
        <translation>
            <numerusform>%n item could not be deleted: %1</numerusform>
            <numerusform>%n items could not be deleted: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not used for %n day(s)</source>
        <translation>
            <numerusform>Not used for %n day</numerusform>
            <numerusform>Not used for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cache: %1 — %2 in %n repository(s)</source>
        <translation>
            <numerusform>Cache: %1 — %2 in %n repository</numerusform>
            <numerusform>Cache: %1 — %2 in %n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n revision(s)</source>
        <translation>
            <numerusform>and %n revision</numerusform>
            <numerusform>and %n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n damaged repository(s): %1. Select a damaged row to see what is wrong, then Repair (download it again) or Delete it. &quot;Damaged only&quot; shows just these.</source>
        <translation>
            <numerusform>⚠ %n damaged repository: %1. Select a damaged row to see what is wrong, then Repair (download it again) or Delete it. &quot;Damaged only&quot; shows just these.</numerusform>
            <numerusform>⚠ %n damaged repositories: %1. Select a damaged row to see what is wrong, then Repair (download it again) or Delete it. &quot;Damaged only&quot; shows just these.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) unpinned.</source>
        <translation>
            <numerusform>%n revision unpinned.</numerusform>
            <numerusform>%n revisions unpinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) pinned: Prune will keep them.</source>
        <translation>
            <numerusform>%n revision pinned: Prune will keep them.</numerusform>
            <numerusform>%n revisions pinned: Prune will keep them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) checked</source>
        <translation>
            <numerusform>%n file checked</numerusform>
            <numerusform>%n files checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) do not match their hash: %1. Select the revision and choose Repair or Delete.</source>
        <translation>
            <numerusform>%n file does not match its hash: %1. Select the revision and choose Repair or Delete.</numerusform>
            <numerusform>%n files do not match their hash: %1. Select the revision and choose Repair or Delete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) queued to repair the damaged entries; see Transfers.</source>
        <translation>
            <numerusform>%n download queued to repair the damaged entries; see Transfers.</numerusform>
            <numerusform>%n downloads queued to repair the damaged entries; see Transfers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>shared blob store %1 (%n stored file(s), counted once)</source>
        <translation>
            <numerusform>shared blob store %1 (%n stored file, counted once)</numerusform>
            <numerusform>shared blob store %1 (%n stored files, counted once)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::CommunityView</name>
    <message numerus="yes">
        <source>%n open pull request(s)</source>
        <translation>
            <numerusform>%n open pull request</numerusform>
            <numerusform>%n open pull requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>%n in all</numerusform>
            <numerusform>%n in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::ComparisonWidget</name>
    <message numerus="yes">
        <source>%n file(s) added, </source>
        <translation>
            <numerusform>%n file added, </numerusform>
            <numerusform>%n files added, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed, </source>
        <translation>
            <numerusform>%n removed, </numerusform>
            <numerusform>%n removed, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n renamed</source>
        <translation>
            <numerusform>, %n renamed</numerusform>
            <numerusform>, %n renamed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) of config.json changed.</source>
        <translation>
            <numerusform>%n key of config.json changed.</numerusform>
            <numerusform>%n keys of config.json changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metadata field(s) changed.</source>
        <translation>
            <numerusform>%n metadata field changed.</numerusform>
            <numerusform>%n metadata fields changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::DeletePlanDialog</name>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored file(s) of the shared blob store</source>
        <translation>
            <numerusform>%n stored file of the shared blob store</numerusform>
            <numerusform>%n stored files of the shared blob store</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::FileTreeModel</name>
    <message numerus="yes">
        <source>%n file(s) in cache</source>
        <translation>
            <numerusform>%n file in cache</numerusform>
            <numerusform>%n files in cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 in total</source>
        <translation>
            <numerusform>%n file, %1 in total</numerusform>
            <numerusform>%n files, %1 in total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::FilesView</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) listed so far</source>
        <translation>
            <numerusform>%n file listed so far</numerusform>
            <numerusform>%n files listed so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n item(s)… (see Transfers)</source>
        <translation>
            <numerusform>Downloading %n item… (see Transfers)</numerusform>
            <numerusform>Downloading %n items… (see Transfers)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::HistoryView</name>
    <message numerus="yes">
        <source>%1 of %n commit(s) loaded — scroll down for more</source>
        <translation>
            <numerusform>%1 of %n commit loaded — scroll down for more</numerusform>
            <numerusform>%1 of %n commits loaded — scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s)</source>
        <translation>
            <numerusform>%n commit</numerusform>
            <numerusform>%n commits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::MainWindow</name>
    <message numerus="yes">
        <source>%1 · %n+ PR(s)</source>
        <translation>
            <numerusform>%1 · %n+ PR</numerusform>
            <numerusform>%1 · %n+ PRs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n PR(s)</source>
        <translation>
            <numerusform>%1 · %n PR</numerusform>
            <numerusform>%1 · %n PRs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open pull request(s), in %1 repo(s) of %2</source>
        <translation>
            <numerusform>%n open pull request, in %1 repo of %2</numerusform>
            <numerusform>%n open pull requests, in %1 repos of %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n open pull request(s)</source>
        <translation>
            <numerusform>%1, %n open pull request</numerusform>
            <numerusform>%1, %n open pull requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::PruneDialog</name>
    <message numerus="yes">
        <source>%n stored file(s) no repository uses (&amp;shared blob store, %1)</source>
        <translation>
            <numerusform>%n stored file no repository uses (&amp;shared blob store, %1)</numerusform>
            <numerusform>%n stored files no repository uses (&amp;shared blob store, %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::PullRequestMetrics</name>
    <message numerus="yes">
        <source>The %n evaluation result(s) of the card are the same as on %1.</source>
        <translation>
            <numerusform>The %n evaluation result of the card are the same as on %1.</numerusform>
            <numerusform>The %n evaluation results of the card are the same as on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n evaluation result(s) differ from %2. Whether a change is better depends on the metric (an error rate is better when lower).</source>
        <translation>
            <numerusform>%1 of %n evaluation result differ from %2. Whether a change is better depends on the metric (an error rate is better when lower).</numerusform>
            <numerusform>%1 of %n evaluation results differ from %2. Whether a change is better depends on the metric (an error rate is better when lower).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::RepoPage</name>
    <message numerus="yes">
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n like</numerusform>
            <numerusform>%n likes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open pull request(s)</source>
        <translation>
            <numerusform>%n open pull request</numerusform>
            <numerusform>%n open pull requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::TransferModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::TransferStatusWidget</name>
    <message numerus="yes">
        <source>%n transfer(s), %1/s</source>
        <translation>
            <numerusform>%n transfer, %1/s</numerusform>
            <numerusform>%n transfers, %1/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::TransfersPage</name>
    <message numerus="yes">
        <source>%n job(s) running: %1 of %2 at %3/s</source>
        <translation>
            <numerusform>%n job running: %1 of %2 at %3/s</numerusform>
            <numerusform>%n jobs running: %1 of %2 at %3/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::UploadDialog</name>
    <message numerus="yes">
        <source>%n file(s) to send (%1), %2 through LFS</source>
        <translation>
            <numerusform>%n file to send (%1), %2 through LFS</numerusform>
            <numerusform>%n files to send (%1), %2 through LFS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged file(s) skipped</source>
        <translation>
            <numerusform>%n unchanged file skipped</numerusform>
            <numerusform>%n unchanged files skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::UploadResultBanner</name>
    <message numerus="yes">
        <source>Uploaded %n file(s) to %1: see %2.</source>
        <translation>
            <numerusform>Uploaded %n file to %1: see %2.</numerusform>
            <numerusform>Uploaded %n files to %1: see %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %n file(s) to %1 as %2.</source>
        <translation>
            <numerusform>Uploaded %n file to %1 as %2.</numerusform>
            <numerusform>Uploaded %n files to %1 as %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::format</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
