package com.example.kshop.service

import org.springframework.stereotype.Component
import org.springframework.web.servlet.function.ServerRequest
import org.springframework.web.servlet.function.ServerResponse

var requestCount = 0L

@Component
class StatsHandler {
    fun daily(request: ServerRequest): ServerResponse {
        requestCount++
        return ServerResponse.ok().body(requestCount)
    }

    fun reset(request: ServerRequest): ServerResponse = ServerResponse.ok().build()
}
