package com.partnerflow.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.LoopbackHttp;

/**
 * What the engine says about the recovered application, read over {@code /engine-rest} as the administrator (who
 * sees every instance and task): the instances of a business key, and where each one is.
 */
final class EngineView {

    private final HttpUser admin;

    EngineView(int port) {
        this.admin = new HttpUser(port, "admin");
    }

    /** The historic instances (running and ended) of a process key, each as id and business key. */
    List<JsonNode> instances(String processKey) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        get("/engine-rest/history/process-instance?processDefinitionKey=" + processKey + "&maxResults=2000").forEach(all::add);
        return all;
    }

    /** The historic instances of one request: its process key and business key. */
    List<JsonNode> instances(String processKey, long businessKey) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        get("/engine-rest/history/process-instance?processDefinitionKey=" + processKey + "&processInstanceBusinessKey="
                + businessKey + "&maxResults=100").forEach(all::add);
        return all;
    }

    /**
     * Where an instance is: {@code task:<definition key>} while it waits in one user task (a timer on it may wait
     * too), {@code end:<end event>} once it ended, anything else (a pending async step, two tasks, an external
     * termination) spelled out.
     */
    String place(JsonNode instance) throws IOException, InterruptedException {
        String id = instance.get("id").asText();
        String state = instance.get("state").asText();
        if (state.equals("COMPLETED")) {
            JsonNode ends = get("/engine-rest/history/activity-instance?processInstanceId=" + id + "&activityType=noneEndEvent&maxResults=100");
            return ends.size() == 1 ? "end:" + ends.get(0).get("activityId").asText() : "ended at " + ends;
        }
        if (!state.equals("ACTIVE")) {
            return "state " + state;
        }
        JsonNode tasks = get("/engine-rest/task?processInstanceId=" + id + "&maxResults=100");
        long jobs = count("/engine-rest/job/count?messages=true&processInstanceId=" + id);
        if (tasks.size() == 1 && jobs == 0) {
            return "task:" + tasks.get(0).get("taskDefinitionKey").asText();
        }
        return tasks.size() + " open tasks and " + jobs + " async jobs";
    }

    /** The finished historic tasks of an instance, by definition key; each was completed, not deleted. */
    List<JsonNode> finishedTasks(String processInstanceId) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        get("/engine-rest/history/task?processInstanceId=" + processInstanceId + "&finished=true&maxResults=1000").forEach(all::add);
        return all;
    }

    /** Whether a task is open: {@code GET /engine-rest/task/{id}} answers 200, or 404 once it is gone. */
    boolean isOpen(String taskId) throws IOException, InterruptedException {
        int status = admin.get("/engine-rest/task/" + taskId).status();
        if (status != 200 && status != 404) {
            throw new AssertionError("GET task " + taskId + ": " + status);
        }
        return status == 200;
    }

    JsonNode historicTask(String taskId) throws IOException, InterruptedException {
        JsonNode found = get("/engine-rest/history/task?taskId=" + taskId + "&maxResults=10");
        return found.isEmpty() ? null : found.get(0);
    }

    /** Async continuations (the mail steps) not run yet, whether due, locked or waiting for a retry; timers are not counted. */
    long asyncJobs() throws IOException, InterruptedException {
        return count("/engine-rest/job/count?messages=true");
    }

    long incidents() throws IOException, InterruptedException {
        return count("/engine-rest/incident/count");
    }

    /** A domain resource as the administrator sees it, or null when it is not there. */
    JsonNode resource(String path) throws IOException, InterruptedException {
        LoopbackHttp.Response response = admin.get(path);
        if (response.status() == 404) {
            return null;
        }
        return response.expectOk("GET " + path);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return admin.get(path).expectOk("GET " + path);
    }

    private long count(String path) throws IOException, InterruptedException {
        return get(path).get("count").asLong();
    }
}
