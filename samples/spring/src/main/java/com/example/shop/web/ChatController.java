package com.example.shop.web;

import java.time.Instant;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Controller;

@Controller
public class ChatController {

    private static final int MAX_LENGTH = 500;

    @MessageMapping("/chat")
    @SendTo("/topic/chat")
    public ChatMessage relay(ChatMessage message) {
        String text = message.text().length() > MAX_LENGTH
                ? message.text().substring(0, MAX_LENGTH)
                : message.text();
        return new ChatMessage(message.from(), text, Instant.now());
    }

    public record ChatMessage(String from, String text, Instant sentAt) {
    }
}
