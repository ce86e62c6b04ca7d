package com.partnerflow.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Tomcat's last-resort error page as a JSON problem instead of HTML. It answers what never reaches
 * Spring MVC: a URL Tomcat itself refuses (an encoded backslash, a request line over the size limit) and
 * a request Spring Security's firewall rejects, whose error dispatch is rejected again.
 */
@Component
class JsonErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            // after Spring Boot's own customizer, which adds an HTML ErrorReportValve without details
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemValve());
            // so that the host does not add its default HTML one when it starts
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemValve.class.getName());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            ProblemDetail problem = ProblemType.forStatus(code, ApiExceptionHandler.detailOf(code));
            String json = "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + (problem.getTitle() != null ? problem.getTitle() : "Error")
                    + "\",\"status\":" + status + ",\"detail\":\"" + problem.getDetail() + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing left to tell
            }
        }
    }
}
