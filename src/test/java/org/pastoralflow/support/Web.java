package org.pastoralflow.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs a demo user in through the real login form and keeps their session. */
public final class Web {

    private Web() {
    }

    public static MockHttpSession signIn(MockMvc mvc, String user) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(authenticated().withUsername(user)).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
