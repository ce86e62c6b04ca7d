package com.partnerflow.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The task kinds of the API are exactly the user tasks of the models in {@code processes/}. */
class TaskKindTest {

    @Test
    void everyUserTaskOfTheModelsHasExactlyOneKind() throws IOException {
        List<String> modelled;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            modelled = files.filter(file -> file.toString().endsWith(".bpmn"))
                    .map(file -> Bpmn.readModelFromFile(file.toFile()))
                    .flatMap(model -> model.getModelElementsByType(UserTask.class).stream()
                            .map(task -> processOf(task).getId() + "/" + task.getId()))
                    .sorted().toList();
        }
        List<String> kinds = Arrays.stream(TaskKind.values()).map(kind -> kind.processKey() + "/" + kind.taskDefinitionKey())
                .sorted().toList();
        assertThat(kinds).isEqualTo(modelled);
        assertThat(Arrays.stream(TaskKind.values()).map(TaskKind::decision)).doesNotHaveDuplicates();
    }

    private static Process processOf(UserTask task) {
        var element = task.getParentElement();
        while (!(element instanceof Process)) {
            element = element.getParentElement();
        }
        return (Process) element;
    }
}
