package org.pastoralflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class PastoralFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(PastoralFlowApplication.class, args);
    }
}
