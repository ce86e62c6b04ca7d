package com.partnerflow.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on: cores, memory, JVM, database. */
final class Machine {

    static Map<String, Object> describe(String database) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_mib", totalMemoryMib());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("database", database);
        machine.put("date", java.time.LocalDate.now().toString());
        return machine;
    }

    static List<List<Object>> rows(Map<String, Object> machine) {
        return machine.entrySet().stream().map(entry -> List.<Object>of(entry.getKey(), String.valueOf(entry.getValue()))).toList();
    }

    /** The CPU this JVM has used so far, all its threads. */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The time this JVM's JIT compilers have spent compiling so far, in ms (summed over the compiler threads). */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long totalMemoryMib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return -1;
    }

    private Machine() {
    }
}
