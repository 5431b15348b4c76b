#pragma once
// The demo world seeded by `hubdesk-sandbox --demo` (ServerOptions::demo), built from
// /work/shared/reference/first-users.md §5. It is deterministic: the same commit ids every start.
//
// Who sees what:
// - anonymous: the public repos only (all PellelNitram models except the gated one's files, the
//   examples and benchmark datasets, the spaces, githubharald's model). The private dataset
//   PellelNitram/xournalpp_htr_IAM_DB answers 404 RepoNotFound exactly like a missing repo. The
//   gated model is listed and its info is readable, but files answer 401/403 GatedRepo.
// - kDemoOwnerToken (PellelNitram, write): everything in PellelNitram/*, including the private
//   dataset and the gated model's files; may write to PellelNitram/*.
// - kDemoReaderToken (annotator, read): like anonymous plus whoami; no private repos, NOT approved
//   for the gated model (GatedRepo 403) until access is granted through the admin route or
//   Server::grantGatedAccess; writes answer 403, except what any signed-in reader may do on the
//   Hub: open a pull request (create_pr), push to one they opened, comment.
// - kDemoCollaboratorToken (githubharald, write): public repos, may write to githubharald/* only;
//   writes to PellelNitram/* answer 403.

namespace hub::sandbox::demo {

inline constexpr const char *kDemoOwnerToken = "hf_sandbox_PellelNitram_write";
inline constexpr const char *kDemoOwnerUser = "PellelNitram";
inline constexpr const char *kDemoReaderToken = "hf_sandbox_annotator_read";
inline constexpr const char *kDemoReaderUser = "annotator";
inline constexpr const char *kDemoCollaboratorToken = "hf_sandbox_githubharald_write";
inline constexpr const char *kDemoCollaboratorUser = "githubharald";

inline constexpr const char *kWordDetector = "PellelNitram/xournalpp-htr-word-detector";
inline constexpr const char *kSimpleHtr = "PellelNitram/xournalpp-htr-simple-htr";
inline constexpr const char *kCarbune = "PellelNitram/xournalpp-htr-carbune";
inline constexpr const char *kGatedModel = "PellelNitram/xournalpp-htr-gated";
inline constexpr const char *kLongHistoryModel = "PellelNitram/xournalpp-htr-experiments";
inline constexpr const char *kBigModel = "PellelNitram/xournalpp-htr-big"; ///< only with bigModel
inline constexpr const char *kCollaboratorModel = "githubharald/WordDetectorNN";
inline constexpr const char *kExamplesDataset = "PellelNitram/xournalpp_htr_examples";
inline constexpr const char *kBenchmarkDataset = "PellelNitram/xournalpp_htr_benchmark";
inline constexpr const char *kPrivateDataset = "PellelNitram/xournalpp_htr_IAM_DB";
inline constexpr const char *kSpace = "PellelNitram/xournalpp_htr";

/// Number of files in the private dataset's deep `data/words/...` tree (paging is exercised).
inline constexpr int kPrivateDatasetWordFiles = 5000;
/// Commits on kLongHistoryModel's main branch (more than 150, so commit paging is exercised).
inline constexpr int kLongHistoryCommits = 160;

} // namespace hub::sandbox::demo
