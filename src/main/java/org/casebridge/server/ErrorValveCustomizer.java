package org.casebridge.server;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Replaces Tomcat's HTML error valve (Spring Boot's copy included) with
 * {@link OperationOutcomeErrorValve} on the host, where Tomcat reports the requests it refuses.
 */
@Component
class ErrorValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			// Named as well, so that the host does not add its stock valve when it starts.
			host.setErrorReportValveClass(OperationOutcomeErrorValve.class.getName());
			pipeline.addValve(new OperationOutcomeErrorValve());
		});
	}

	/** After Spring Boot's own customizer, which adds its error valve. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
