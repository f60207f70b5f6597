package com.aimabledocs.artifacts.adapters.rest;

import io.restassured.RestAssured;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The web console as its browser tests use it: its fields and buttons by ID, its cards by artifact name. */
final class ConsolePage {

    private final ChromeDriver browser;

    ConsolePage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Opens {@code /console} (which redirects to {@code /console/}) on this test's API. */
    void open() {
        open(RestAssured.port);
    }

    /** The same through another port (a proxy in front of the API). */
    void open(int port) {
        browser.get("http://localhost:" + port + "/console");
    }

    void enterKey(String spaceId, String apiKey) {
        byId("space-id").clear();
        byId("space-id").sendKeys(spaceId);
        byId("api-key").clear();
        byId("api-key").sendKeys(apiKey);
        submit("key-form");
    }

    /** connecting, live, reconnecting or off. */
    String liveState() {
        return byId("live-state").getDomAttribute("data-state");
    }

    void choose(String selectId, String value) {
        byId(selectId).findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    void submit(String formId) {
        byId(formId).findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** The names on the cards, read at once (the list may be redrawn between two WebDriver calls). */
    @SuppressWarnings("unchecked")
    List<String> cardNames() {
        return (List<String>) script("return [...document.querySelectorAll('#artifact-list > li h3')].map(h => h.textContent)");
    }

    /** An attribute of the card of the artifact named {@code name}, or null when there is no such card. */
    String cardAttribute(String name, String attribute) {
        return (String) browser.executeScript("""
                const card = [...document.querySelectorAll('#artifact-list > li')]
                    .find(li => li.querySelector('h3').textContent === arguments[0]);
                return card ? card.getAttribute(arguments[1]) : null;""", name, attribute);
    }

    /** A card's button, found by its accessible name ("Download report.txt"). */
    WebElement cardButton(String label) {
        return browser.findElement(By.cssSelector("#artifact-list button[aria-label='" + label + "']"));
    }

    WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    String text(String id) {
        return byId(id).getText();
    }

    Object script(String script) {
        return browser.executeScript(script);
    }
}
