package com.partnerflow.system;

import java.io.IOException;
import java.util.Map;

import com.partnerflow.LoopbackHttp;
import com.partnerflow.LoopbackHttp.Response;

/**
 * A demo user (password = user name) calling the packaged application over HTTP Basic, as a partner's CRM or
 * Tasklist does. A call never throws for an HTTP status, only for a broken connection (the application was killed).
 */
final class HttpUser {

    private final LoopbackHttp http;
    private final String user;

    HttpUser(int port, String user) {
        this.http = new LoopbackHttp(port);
        this.user = user;
    }

    String name() {
        return user;
    }

    Response get(String path) throws IOException, InterruptedException {
        return http.get(user, path);
    }

    Response postJson(String path, Object body) throws IOException, InterruptedException {
        return http.postJson(user, path, body);
    }

    Response post(String path) throws IOException, InterruptedException {
        return http.post(user, path);
    }

    /** {@code multipart/form-data} with text fields and one file part. */
    Response postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String fileType,
                           byte[] file) throws IOException, InterruptedException {
        return http.postMultipart(user, path, fields, fileField, fileName, fileType, file);
    }
}
