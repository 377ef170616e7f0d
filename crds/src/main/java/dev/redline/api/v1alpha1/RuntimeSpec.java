package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Max;

/**
 * How the runner process runs the benchmark (AIPerf's {@code runtime} section and service flags). AIPerf's
 * processes map onto Redline's threads: its workers onto the HTTP client's event loops, its record processors onto
 * the record workers that count tokens; its ZMQ settings onto the coordinator of a multi-runner run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuntimeSpec {
    @JsonPropertyDescription("Event loops the HTTP client spreads requests over (AIPerf: worker processes). Default min(concurrency, cores, 8) (--workers-max).")
    @JsonAlias("workersMax")
    @Min(1)
    @Max(1024)
    private Integer workers;

    @JsonPropertyDescription("Threads counting output tokens of finished requests (AIPerf: record processor services). Default: one, fanning out to the cores under a backlog (--record-processors).")
    @Min(1)
    @Max(1024)
    private Integer recordProcessors;

    @JsonPropertyDescription("Progress display: dashboard, simple or none (--ui-type).")
    @Pattern("^(dashboard|simple|none)$")
    private String ui;

    @JsonPropertyDescription("Log level: error, warn, info, debug or trace (--log-level).")
    @Pattern("^(error|warn|info|debug|trace)$")
    private String logLevel;

    @JsonPropertyDescription("Port of the runner's live HTTP endpoint (Prometheus metrics of the run); AIPerf's API port (--api-port).")
    @Min(0)
    @Max(65535)
    private Integer apiPort;

    @JsonPropertyDescription("Address the live HTTP endpoint binds to. Default 0.0.0.0 (--api-host).")
    private String apiHost;

    @JsonPropertyDescription("Seconds between progress updates on the console (and live snapshots). Default 1 (--stats-interval).")
    @Min(0)
    @Max(1000)
    private Double statsInterval;

    @JsonPropertyDescription("Address the coordinator of a multi-runner run binds its messaging sockets to (AIPerf's ZMQ host). Default 127.0.0.1 locally (--zmq-host).")
    private String zmqHost;

    @JsonPropertyDescription("Accepted for AIPerf compatibility: Redline's services are threads of one process and open no IPC sockets (--zmq-ipc-path).")
    private String zmqIpcPath;

    public Integer getWorkers() { return workers; }
    public void setWorkers(Integer workers) { this.workers = workers; }
    public Integer getRecordProcessors() { return recordProcessors; }
    public void setRecordProcessors(Integer recordProcessors) { this.recordProcessors = recordProcessors; }
    public String getUi() { return ui; }
    public void setUi(String ui) { this.ui = ui; }
    public String getLogLevel() { return logLevel; }
    public void setLogLevel(String logLevel) { this.logLevel = logLevel; }
    public Integer getApiPort() { return apiPort; }
    public void setApiPort(Integer apiPort) { this.apiPort = apiPort; }
    public String getApiHost() { return apiHost; }
    public void setApiHost(String apiHost) { this.apiHost = apiHost; }
    public Double getStatsInterval() { return statsInterval; }
    public void setStatsInterval(Double statsInterval) { this.statsInterval = statsInterval; }
    public String getZmqHost() { return zmqHost; }
    public void setZmqHost(String zmqHost) { this.zmqHost = zmqHost; }
    public String getZmqIpcPath() { return zmqIpcPath; }
    public void setZmqIpcPath(String zmqIpcPath) { this.zmqIpcPath = zmqIpcPath; }
}
