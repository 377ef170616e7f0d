package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.fault.FaultPlan;
import dev.redline.runner.mock.fault.FaultSpec;
import dev.redline.runner.mock.fault.MockConfigFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Faults the mock server injects on the wire: the same flags on {@code mock-server} and {@code profile --mock-server}. */
public class MockFaultOptions {
    @Option(names = "--fault", paramLabel = "KIND[:RATE][:NAME=VALUE,...]",
            description = "Mock server: inject a fault into RATE (0..1, default 1) of the requests; repeatable. Kinds: "
                    + "429, 5xx, storm, reset, slow-headers, stream-cut, stall, bad-json, split-line, error-event, "
                    + "wrong-content-type, empty-body (parameters: docs/mock-server.md).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "Mock server: YAML file with a faults: list (docs/mock-server.md); --fault adds to it.")
    Path configFile;

    /** True when any fault flag or file was given. */
    boolean given() {
        return !faults.isEmpty() || configFile != null;
    }

    /** The file's faults, then the flags'; throws BadInputException naming the flag and the fix. */
    public List<FaultSpec> faults() {
        List<FaultSpec> all = new ArrayList<>();
        if (configFile != null) {
            try {
                all.addAll(MockConfigFile.faults(configFile));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--mock-config " + e.getMessage());
            }
        }
        for (String f : faults) {
            try {
                all.add(FaultSpec.parse(f));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--fault '" + f + "': " + e.getMessage());
            }
        }
        try {
            FaultPlan.validate(all);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--fault: " + e.getMessage());
        }
        return all;
    }
}
