// Fonts ship with the kit: a deck opened offline looks the same in class.
import '@fontsource-variable/atkinson-hyperlegible-next'
import '@fontsource-variable/jetbrains-mono'
import 'virtual:lesson-symbols.css'
import './lesson.css'
import './learn.css'
