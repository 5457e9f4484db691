package com.example.kshop.web

import com.example.kshop.service.StatsHandler
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.web.servlet.function.router

@Configuration
class Routes(private val stats: StatsHandler) {

    @Bean
    fun statsRoutes() = router {
        "/api/stats".nest {
            GET("/daily", stats::daily)
            POST("/reset", stats::reset)
        }
    }
}
