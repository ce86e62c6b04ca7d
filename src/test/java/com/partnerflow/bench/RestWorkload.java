package com.partnerflow.bench;

/** Not written yet (issue 6 is open): the run says so and goes on, so the other workloads still report. */
class RestWorkload {

    void run(Results results) {
        System.out.println("Rest workload: not written yet (issue 6)");
    }
}
