/*
 * The event form unfolds: of the recurrence fields, only those that belong to the chosen kind
 * of repetition are shown (none for a one-off event), and the end date or the count only for
 * the chosen way the series ends. The fields say when they belong (data-recurrence-repeat,
 * data-recurrence-ends, set in events/panels.py). Without JavaScript every field stays visible.
 */
(() => {
  class RecurrenceController extends window.StimulusModule.Controller {
    connect() {
      this.update = this.update.bind(this);
      this.element.addEventListener("change", this.update);
      this.update();
    }

    disconnect() {
      this.element.removeEventListener("change", this.update);
    }

    chosen(name) {
      const field = this.element.querySelector(`select[name="${name}"]`);
      return field ? field.value : "";
    }

    update() {
      const repeat = this.chosen("repeat");
      const ends = this.chosen("ends");
      this.element.querySelectorAll("[data-recurrence-repeat]").forEach((wrapper) => {
        const repeats = wrapper.dataset.recurrenceRepeat.split(" ");
        const endsAs = wrapper.dataset.recurrenceEnds;
        wrapper.hidden = !repeats.includes(repeat) || Boolean(endsAs && endsAs !== ends);
      });
    }
  }

  window.wagtail.app.register("recurrence", RecurrenceController);
})();
