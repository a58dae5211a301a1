// "Additional tools": text size (remembered between pages) and print. Without JavaScript the size buttons
// stay hidden and "Print version" opens the print layout as a page.
(function () {
    "use strict";
    var key = "newsportal.textSize";
    var smallest = 1, largest = 5, normal = 2;
    var root = document.documentElement;

    function read() {
        var stored = parseInt(window.localStorage.getItem(key), 10);
        return stored >= smallest && stored <= largest ? stored : normal;
    }

    function apply(size) {
        for (var s = smallest; s <= largest; s++) root.classList.remove("text-size-" + s);
        root.classList.add("text-size-" + size);
    }

    apply(read());

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll(".text-size-tool").forEach(function (item) { item.hidden = false; });
        document.querySelectorAll("[data-text-size]").forEach(function (button) {
            button.addEventListener("click", function () {
                var size = read() + (button.getAttribute("data-text-size") === "larger" ? 1 : -1);
                size = Math.min(largest, Math.max(smallest, size));
                window.localStorage.setItem(key, String(size));
                apply(size);
            });
        });
        document.querySelectorAll("[data-print]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                window.print();
            });
        });
    });
})();
