package dev.pipestore.benchmarks.report;

import dev.pipestore.benchmarks.profile.Profile;
import dev.pipestore.benchmarks.profile.ThreadGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JFR evidence for a row below target: CPU per operation by thread group, then the hottest code of ours. */
final class ProfileSection {

    private ProfileSection() {}

    static String render(int number, RowOutcome row) {
        List<Profile> profiles = row.profiles();
        Profile ours = profiles.stream().filter(p -> p.side().equals("ours")).findFirst().orElseThrow();
        Profile raw = profiles.stream().filter(p -> p.side().equals("raw")).findFirst().orElseThrow();
        StringBuilder md = new StringBuilder();
        md.append("### Row ").append(number).append(": ").append(row.result().title()).append(", ")
                .append(row.result().threads()).append(" thread(s)\n\n");
        md.append("One extra window of each side under JFR (").append(ours.window().operations()).append(" ops ours, ")
                .append(raw.window().operations()).append(" ops raw; ").append(Numbers.millis(ours.sampleMillis()))
                .append(" ms of CPU per sample). Sampled CPU per operation:\n\n");
        md.append("| thread group | ours ms/op | raw ms/op |\n|---|---|---|\n");
        Map<String, Long> oursGroups = counts(ours.byThreadGroup());
        Map<String, Long> rawGroups = counts(raw.byThreadGroup());
        Map<String, Long> all = new LinkedHashMap<>(oursGroups);
        rawGroups.forEach(all::putIfAbsent);
        for (String group : all.keySet()) {
            md.append("| ").append(group).append(" | ").append(Numbers.millis(ours.millisPerOperation(oursGroups.getOrDefault(group, 0L))))
                    .append(" | ").append(Numbers.millis(raw.millisPerOperation(rawGroups.getOrDefault(group, 0L)))).append(" |\n");
        }
        md.append("| **all sampled** | **").append(Numbers.millis(ours.millisPerOperation(ours.totalSamples())))
                .append("** | **").append(Numbers.millis(raw.millisPerOperation(raw.totalSamples()))).append("** |\n\n");
        long load = oursGroups.getOrDefault(ThreadGroups.LOAD, 0L) + oursGroups.getOrDefault(ThreadGroups.PIPESTORE_SERVER, 0L);
        boolean server = oursGroups.containsKey(ThreadGroups.PIPESTORE_SERVER);
        String threads = server ? "load threads and pipestore server threads" : "load threads";
        md.append("Ours, ").append(threads).append(": the innermost pipestore method on the stack (the pipestore step the CPU "
                + "was spent in) and the library the sampled frame belongs to:\n\n| pipestore step → library | share of ")
                .append(server ? "these threads'" : "load-thread").append(" samples | ms/op |\n|---|---|---|\n");
        for (Profile.Count c : ours.pipestoreFrames()) {
            md.append("| `").append(c.name().replace(" → ", "` → ")).append(" | ").append(Numbers.percent(c.samples(), load)).append(" | ")
                    .append(Numbers.millis(ours.millisPerOperation(c.samples()))).append(" |\n");
        }
        md.append("\nOurs, hottest methods (top of stack), all threads:\n\n| method — thread group | share of all samples |\n|---|---|\n");
        for (Profile.Count c : ours.topFrames()) {
            md.append("| `").append(c.name().replace(" — ", "` — ")).append(" | ")
                    .append(Numbers.percent(c.samples(), ours.totalSamples())).append(" |\n");
        }
        md.append("\nRecordings: `").append(ours.file().getFileName()).append("`, `").append(raw.file().getFileName())
                .append("` in `pipestore-benchmarks/target/bench-profiles/` (not committed; `jfr summary`, `jfr print`).\n\n");
        return md.toString();
    }

    private static Map<String, Long> counts(List<Profile.Count> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach(c -> map.put(c.name(), c.samples()));
        return map;
    }
}
