//! The REST API, the iCalendar feed and the page.
